package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.ConsoleClient;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.DeliveryCheck;
import dev.opsbot.bench.internal.DemoProcess;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.HttpStoreView;
import dev.opsbot.bench.internal.InProcessOpsbot;
import dev.opsbot.bench.internal.Latencies;
import dev.opsbot.bench.internal.LoadReport;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.OpenLoop;
import dev.opsbot.bench.internal.Readiness;
import dev.opsbot.bench.internal.Repo;
import dev.opsbot.bench.internal.StoreView;
import dev.opsbot.bench.internal.TempDirs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The console API under an open-loop load: {@code POST /api/console/messages} at a fixed rate, accept latency
 * (POST -> 202) measured from each request's scheduled send time, then a delivery check (every accepted message
 * stored once, every thread answered once by opsbot). Exits 1 when a check fails or the p99 target is missed.
 *
 * <p>Targets, one of: opsbot in this JVM on a fresh H2 file database (default) or on {@code --database-url};
 * {@code --demo}, the real {@code ./opsbot demo} launcher as a child process; or {@code --url}, an opsbot someone
 * else started on this machine.
 */
public final class ConsoleLoad {
    private static final String USAGE = """
            usage: ConsoleLoad [--rate 200] [--duration 30s] [--warmup 5s] [--p99-target-ms 20]
                               [--url http://127.0.0.1:PORT | --demo | --database-url JDBC [--database-user U]
                               [--database-password P]] [--max-in-flight 256] [--http-threads 2]
                               [--reply-deadline 120s] [--settle 2s] [--root DIR] [--java-opts "..." (with --demo)]
                               [--keep]
              Default target: opsbot started in this JVM on a fresh H2 file database.""";
    private static final List<String> CHANNELS = List.of("incident-checkout", "general");
    private static final List<String> USERS = List.of("alice", "bob", "mallory");
    private static final List<String> TEXTS = List.of("status", "help");

    private ConsoleLoad() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of(
                        "rate",
                        "duration",
                        "warmup",
                        "p99-target-ms",
                        "url",
                        "database-url",
                        "database-user",
                        "database-password",
                        "max-in-flight",
                        "http-threads",
                        "reply-deadline",
                        "settle",
                        "root",
                        "java-opts"),
                Set.of("demo", "keep"),
                USAGE);
        int rate = args.integer("rate", 200, 1, 5_000);
        Duration duration = args.duration("duration", Duration.ofSeconds(30), Duration.ofMinutes(10));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(5), Duration.ofMinutes(5));
        int p99TargetMs = args.integer("p99-target-ms", 20, 0, 60_000);
        int maxInFlight = args.integer("max-in-flight", 256, 1, 4_096);
        int httpThreads = args.integer("http-threads", 2, 1, 64);
        Duration replyDeadline = args.duration("reply-deadline", Duration.ofSeconds(120), Duration.ofMinutes(30));
        Duration settle = args.duration("settle", Duration.ofSeconds(2), Duration.ofMinutes(1));

        System.out.println("ConsoleLoad: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        try (Target target = Target.open(args)) {
            System.out.println("  target: " + target.description);
            try (ConsoleClient client = new ConsoleClient(target.base, httpThreads)) {
                StoreView view = target.inProcess != null ? target.inProcess.view() : new HttpStoreView(client);
                OptionalLong storedBefore = view.storedMessages();
                List<OpenLoop.Accepted> accepted = new ArrayList<>();
                int unknownOutcome = 0;
                if (!warmup.isZero()) {
                    OpenLoop.Result warm = phase(client, rate, warmup, maxInFlight);
                    System.out.println("  warmup " + warmup.toSeconds() + " s (not in the figures): "
                            + Latencies.format(warm.fromScheduled()) + "; errors " + warm.errors());
                    accepted.addAll(warm.accepted());
                    unknownOutcome += warm.unknownOutcome();
                }
                CpuMeter cpu = target.demo != null ? CpuMeter.start(target.demo.pid()) : CpuMeter.start();
                OpenLoop.Result measured = phase(client, rate, duration, maxInFlight);
                String cpuUse = cpu.report();
                accepted.addAll(measured.accepted());
                unknownOutcome += measured.unknownOutcome();
                print(measured, rate, duration, maxInFlight);
                System.out.println("  " + cpuUse
                        + (args.text("database-url", null) != null ? " (the database server counts as others)" : ""));

                DeliveryCheck check = new DeliveryCheck(view, replyDeadline, settle);
                check.run(accepted, storedBefore, unknownOutcome);
                check.lines().forEach(line -> System.out.println("  " + line));

                List<String> failures = new ArrayList<>(check.failures());
                if (measured.errorCount() > 0) {
                    failures.add(measured.errorCount() + " requests were not accepted: " + measured.errors());
                }
                double p99 = Latencies.p99Millis(measured.fromScheduled());
                if (p99TargetMs > 0 && p99 >= p99TargetMs) {
                    failures.add(String.format(Locale.ROOT, "p99 %.2f ms misses the %d ms target", p99, p99TargetMs));
                }
                failures.forEach(f -> System.out.println("FAILED: " + f));
                System.out.println(failures.isEmpty() ? "OK: all checks passed" : "NOT OK");
                return failures.isEmpty() ? 0 : 1;
            }
        }
    }

    private static OpenLoop.Result phase(ConsoleClient client, int rate, Duration length, int maxInFlight)
            throws InterruptedException {
        OpenLoop loop = new OpenLoop(rate, length, maxInFlight, Duration.ofSeconds(30));
        return loop.run(i -> client.post(
                CHANNELS.get(i % CHANNELS.size()), USERS.get(i % USERS.size()), TEXTS.get(i % TEXTS.size()), null));
    }

    private static void print(OpenLoop.Result r, int rate, Duration duration, int maxInFlight) {
        System.out.printf(
                Locale.ROOT,
                "  measured %d s at %d/s (open loop, at most %d in flight): %d scheduled, %d accepted (202), %d errors%n",
                duration.toSeconds(),
                rate,
                maxInFlight,
                r.scheduled(),
                r.accepted().size(),
                r.errorCount());
        System.out.printf(
                Locale.ROOT,
                "  achieved send rate %.1f/s; all answered after %.1f s; sender at most %.2f ms behind schedule%n",
                r.achievedRate(),
                r.wallSeconds(),
                r.maxSchedulerLagMicros() / 1000.0);
        System.out.println("  accept latency from scheduled send: " + Latencies.format(r.fromScheduled()));
        System.out.println("  accept latency from actual send:    " + Latencies.format(r.fromSent()));
        LoadReport.windows(r.windows(), r.window(), duration);
        LoadReport.errors(r.errors(), r.errorSamples());
    }

    /** Where the load goes, and what to stop afterwards. */
    private static final class Target implements AutoCloseable {
        final URI base;
        final String description;
        final InProcessOpsbot inProcess;
        final DemoProcess demo;
        final Path demoData;

        private Target(URI base, String description, InProcessOpsbot inProcess, DemoProcess demo, Path demoData) {
            this.base = base;
            this.description = description;
            this.inProcess = inProcess;
            this.demo = demo;
            this.demoData = demoData;
        }

        static Target open(Args args) {
            String url = args.text("url", null);
            String databaseUrl = args.text("database-url", null);
            if ((url != null ? 1 : 0) + (args.flag("demo") ? 1 : 0) + (databaseUrl != null ? 1 : 0) > 1) {
                throw new Args.UsageException("choose one of --url, --demo and --database-url\n" + USAGE);
            }
            if (url != null) {
                URI base = ConsoleClient.requireLoopback(URI.create(url));
                return new Target(base, "external opsbot at " + base + " (checks over HTTP only)", null, null, null);
            }
            if (args.flag("demo")) {
                return demo(Repo.locate(args.text("root", null)), args.text("java-opts", null));
            }
            InProcessOpsbot opsbot = InProcessOpsbot.start(
                    databaseUrl,
                    args.text("database-user", null),
                    args.text("database-password", null),
                    args.flag("keep"));
            String storage = databaseUrl == null ? "H2 file database in " + opsbot.dataDir() : databaseUrl;
            return new Target(
                    opsbot.base(), "opsbot in this JVM at " + opsbot.base() + ", " + storage, opsbot, null, null);
        }

        private static Target demo(Repo repo, String javaOpts) {
            repo.requireFreshJar();
            Path data = TempDirs.create("opsbot-load-demo-");
            int port = FreePort.pick();
            DemoProcess demo = DemoProcess.start(repo, port, data, data.resolve("demo.log"), javaOpts);
            long ready = Readiness.awaitReady(port, Duration.ofMillis(20), Duration.ofSeconds(60), demo::alive);
            if (ready < 0) {
                demo.kill();
                throw new IllegalStateException("./opsbot demo not ready within 60 s:\n" + demo.output());
            }
            URI base = URI.create("http://127.0.0.1:" + port);
            return new Target(
                    base,
                    "./opsbot demo (" + (javaOpts == null ? "launcher's JVM options" : "OPSBOT_JAVA_OPTS=" + javaOpts)
                            + ", H2 in " + data + ") at " + base + ", pid " + demo.pid()
                            + " (checks over HTTP only)",
                    null,
                    demo,
                    data);
        }

        @Override
        public void close() {
            if (inProcess != null) {
                inProcess.close();
            }
            if (demo != null) {
                DemoProcess.Stopped stopped = demo.stop(Duration.ofSeconds(30));
                System.out.println("  demo stopped: exit " + stopped.exitCode() + " after "
                        + stopped.took().toMillis() + " ms");
                TempDirs.delete(demoData);
            }
        }
    }
}
