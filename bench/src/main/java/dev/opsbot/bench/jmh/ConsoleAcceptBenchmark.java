package dev.opsbot.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.console.ConsoleChatPort;
import dev.opsbot.app.console.ConsoleHub;
import dev.opsbot.app.console.ConsoleJson;
import dev.opsbot.app.console.ConsoleService;
import dev.opsbot.app.console.ConsoleUsers;
import dev.opsbot.bench.internal.InProcessOpsbot;
import dev.opsbot.core.conversation.DispatchListener;
import dev.opsbot.core.conversation.Dispatcher;
import dev.opsbot.core.conversation.HelpHandler;
import dev.opsbot.core.conversation.IntentParser;
import dev.opsbot.core.conversation.IntentRouter;
import dev.opsbot.core.conversation.StatusHandler;
import dev.opsbot.core.conversation.UnrecognizedHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code POST /api/console/messages} does before it answers 202, without HTTP: {@link ConsoleService#post}
 * stores the message in H2 (a file database, as {@code opsbot demo} has it), records the event in the ledger and
 * publishes it to open pages. The dispatcher's worker pool here discards the work, so replies are not generated and
 * the figure is the accept path alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime) // the mean and the percentiles in one run
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms256m", "-Xmx1g"})
// jOOQ, H2 and Jackson take far longer than the parser to reach steady state: with 3 or 5 warm-up iterations of
// 1 s the time per post was still falling (from ~2 ms to ~0.2 ms), so this one warms up for 10.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConsoleAcceptBenchmark {
    private InProcessOpsbot opsbot;
    private ConsoleHub hub;
    private ConsoleService console;

    @Setup(Level.Trial)
    public void start() {
        opsbot = InProcessOpsbot.start(null, null, null, false);
        OpsbotApplication app = opsbot.app();
        Clock clock = Clock.systemUTC();
        hub = new ConsoleHub();
        ConsoleChatPort port = new ConsoleChatPort(
                app.stores().console(), hub, new ConsoleJson(new ObjectMapper().findAndRegisterModules()), clock);
        // accepting a message never reaches a handler here; none of them may be asked
        IntentRouter router = new IntentRouter(
                new IntentParser(),
                new HelpHandler(),
                new StatusHandler(() -> null, clock),
                new UnrecognizedHandler(),
                (event, intent, responder) -> {
                    throw new IllegalStateException("the accept benchmark does not investigate");
                },
                (event, intent, responder) -> {
                    throw new IllegalStateException("the accept benchmark does not resolve people");
                },
                (event, intent, responder) -> {
                    throw new IllegalStateException("the accept benchmark does not resolve people");
                });
        Dispatcher dispatcher = new Dispatcher(
                app.stores().eventLedger(),
                app.stores().threads(),
                app.stores().botMessages(),
                List.of(port),
                router,
                new Discarding(),
                clock,
                "bench-discarding",
                Duration.ofHours(1), // never handed to the app's own recovery during a run
                DispatchListener.NONE);
        ConsoleUsers users =
                new ConsoleUsers(List.of(new ConsoleUsers.User("alice", "Alice Chen", "alice@example.com", "on-call")));
        console = new ConsoleService(
                app.stores().console(),
                port,
                users,
                List.of("incident-checkout", "general"),
                40_000,
                dispatcher,
                clock);
    }

    @TearDown(Level.Trial)
    public void stop() {
        hub.close();
        opsbot.close();
    }

    @Benchmark
    public ConsoleService.Posted post() {
        return console.post("incident-checkout", "alice", "status", null);
    }

    /** A worker pool that takes every task and runs none: the benchmark stops at the 202. */
    private static final class Discarding extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {}

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
