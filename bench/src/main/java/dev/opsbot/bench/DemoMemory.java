package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.ConsoleClient;
import dev.opsbot.bench.internal.DemoProcess;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.ProcStatus;
import dev.opsbot.bench.internal.Readiness;
import dev.opsbot.bench.internal.Repo;
import dev.opsbot.bench.internal.TempDirs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The resident memory of an idle {@code ./opsbot demo} that has answered a few messages, and whether it stops
 * gracefully: SIGTERM, then "opsbot stopped" and exit code 0 or 143 (a JVM signal exit) within the grace.
 */
public final class DemoMemory {
    private static final String USAGE = """
            usage: DemoMemory [--messages 10] [--idle 15s] [--target-mb 400] [--grace 20s]
                              [--root DIR] [--java-opts "..."] [--keep]
              Starts ./opsbot demo --port <free> on a fresh data dir, posts messages and waits for the replies,
              idles, reads VmRSS from /proc/<pid>/status, then stops it with SIGTERM.
              Build the jar first: %s""".formatted(Repo.BUILD_COMMAND);

    private DemoMemory() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv, Set.of("messages", "idle", "target-mb", "grace", "root", "java-opts"), Set.of("keep"), USAGE);
        int messages = args.integer("messages", 10, 0, 1_000);
        Duration idle = args.duration("idle", Duration.ofSeconds(15), Duration.ofMinutes(30));
        int targetMib = args.integer("target-mb", 400, 1, 100_000);
        // opsbot's server.shutdownGrace defaults to 20 s; allow a little for the JVM to exit after it
        Duration grace = args.duration("grace", Duration.ofSeconds(20), Duration.ofMinutes(5));
        Repo repo = Repo.locate(args.text("root", null));
        repo.requireFreshJar();

        Path data = TempDirs.create("opsbot-memory-data-");
        Path log = TempDirs.create("opsbot-memory-log-").resolve("demo.log");
        System.out.println("DemoMemory: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        DemoProcess demo = DemoProcess.start(repo, FreePort.pick(), data, log, args.text("java-opts", null));
        List<String> failures = new ArrayList<>();
        try {
            long ready = Readiness.awaitReady(demo.port(), Duration.ofMillis(20), Duration.ofSeconds(60), demo::alive);
            if (ready < 0) {
                throw new IllegalStateException("demo not ready within 60 s; output:\n" + demo.output());
            }
            System.out.printf(
                    Locale.ROOT, "  ready after %.0f ms (pid %d)%n", (ready - demo.startedNanos()) / 1e6, demo.pid());
            ProcStatus atReady = ProcStatus.read(demo.pid());
            if (!atReady.name().equals("java")) {
                failures.add(
                        "pid " + demo.pid() + " is '" + atReady.name() + "', not java: does the launcher still exec?");
            }
            System.out.println("  at ready:            " + atReady.format());

            converse(demo.port(), messages, failures);
            System.out.println("  after " + messages + " messages:    "
                    + ProcStatus.read(demo.pid()).format());

            Thread.sleep(idle.toMillis());
            ProcStatus idled = ProcStatus.read(demo.pid());
            System.out.println("  after " + idle.toSeconds() + " s idle:     " + idled.format());

            DemoProcess.Stopped stopped = demo.stop(grace.plusSeconds(5));
            System.out.printf(
                    Locale.ROOT,
                    "  SIGTERM -> exit %d after %d ms%s%n",
                    stopped.exitCode(),
                    stopped.took().toMillis(),
                    stopped.killed() ? " (did not stop: killed)" : "");
            if (!demo.closedGracefully()) {
                failures.add("opsbot did not log 'opsbot stopped': it was not closed gracefully");
            }
            // 143 (128 + SIGTERM) is how every JVM exits on a signal, after its shutdown hooks ran; the graceful
            // close itself is checked above by opsbot's own "opsbot stopped".
            if (stopped.exitCode() != 0 && stopped.exitCode() != 143) {
                failures.add("exit code " + stopped.exitCode() + " after SIGTERM, want 0 or 143 within "
                        + grace.toSeconds() + " s");
            }
            boolean met = idled.rssMib() < targetMib;
            System.out.printf(
                    Locale.ROOT,
                    "  idle VmRSS %.1f MiB; target < %d MiB: %s%n",
                    idled.rssMib(),
                    targetMib,
                    met ? "met" : "MISSED");
            if (!met) {
                failures.add(
                        "idle RSS " + Math.round(idled.rssMib()) + " MiB is over the " + targetMib + " MiB target");
            }
        } finally {
            demo.kill();
            if (!args.flag("keep") && failures.isEmpty()) {
                TempDirs.delete(log.getParent());
            } else {
                System.out.println("  demo output: " + log);
            }
            TempDirs.delete(data);
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    /** Posts {@code messages} (help and status in turn) and waits until each has opsbot's reply. */
    private static void converse(int port, int messages, List<String> failures) throws Exception {
        try (ConsoleClient client = new ConsoleClient(URI.create("http://127.0.0.1:" + port), 2)) {
            List<ConsoleClient.Posted> posted = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                HttpResponse<String> response = client.post(
                                i % 2 == 0 ? "incident-checkout" : "general",
                                List.of("alice", "bob", "mallory").get(i % 3),
                                i % 2 == 0 ? "help" : "status",
                                null)
                        .get();
                if (response.statusCode() != 202) {
                    failures.add("POST answered " + response.statusCode() + ": " + response.body());
                    continue;
                }
                posted.add(ConsoleClient.posted(response));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (ConsoleClient.Posted p : posted) {
                while (!replied(client, p.thread())) {
                    if (System.nanoTime() > deadline) {
                        failures.add("no opsbot reply in thread " + p.thread() + " within 30 s");
                        return;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static boolean replied(ConsoleClient client, String thread) throws Exception {
        return client.thread(thread)
                .map(messages -> messages.stream().anyMatch(m -> m.user().equals(ConsoleClient.BOT_USER)))
                .orElse(false);
    }
}
