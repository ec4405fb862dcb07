package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.DemoProcess;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.Readiness;
import dev.opsbot.bench.internal.Repo;
import dev.opsbot.bench.internal.Stats;
import dev.opsbot.bench.internal.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How long {@code ./opsbot demo} takes from process start to the first {@code GET /readyz} 200, through the real
 * launcher. "fresh" runs get a new {@code OPSBOT_DATA_DIR} each, so every start creates and migrates its H2
 * database; "reuse" runs share one data directory that a first, uncounted run prepared. All use the launcher's
 * class-data-sharing archive once it exists; a start that has to create it (the first after a build: the launcher
 * runs a short training start first) is marked as such.
 */
public final class DemoStartup {
    private static final String USAGE = """
            usage: DemoStartup [--runs 5] [--mode fresh|reuse|both] [--poll 10ms] [--timeout 60s] [--target 4s]
                               [--root DIR] [--java-opts "..."] [--keep]
              Starts ./opsbot demo --port <free> N times per mode, polls /readyz, stops it with SIGTERM.
              Build the jar first: %s""".formatted(Repo.BUILD_COMMAND);
    private static final Duration STOP_WAIT = Duration.ofSeconds(40);

    private final Repo repo;
    private final Duration poll;
    private final Duration timeout;
    private final String javaOpts;
    private final Path logs;
    private final List<String> failures = new ArrayList<>();

    private DemoStartup(Repo repo, Duration poll, Duration timeout, String javaOpts, Path logs) {
        this.repo = repo;
        this.poll = poll;
        this.timeout = timeout;
        this.javaOpts = javaOpts;
        this.logs = logs;
    }

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) {
        Args args = Args.parse(
                argv, Set.of("runs", "mode", "poll", "timeout", "target", "root", "java-opts"), Set.of("keep"), USAGE);
        int runs = args.integer("runs", 5, 1, 50);
        String mode = args.text("mode", "both");
        if (!Set.of("fresh", "reuse", "both").contains(mode)) {
            throw new Args.UsageException("--mode " + mode + ": use fresh, reuse or both");
        }
        Duration poll = args.duration("poll", Duration.ofMillis(10), Duration.ofSeconds(1));
        Duration timeout = args.duration("timeout", Duration.ofSeconds(60), Duration.ofMinutes(5));
        Duration target = args.duration("target", Duration.ofSeconds(4), Duration.ofMinutes(5));
        Repo repo = Repo.locate(args.text("root", null));
        repo.requireFreshJar();

        Path logs = TempDirs.create("opsbot-startup-logs-");
        DemoStartup bench = new DemoStartup(repo, poll, timeout, args.text("java-opts", null), logs);
        System.out.println("DemoStartup: " + Machine.describe() + "; launcher " + repo.launcher()
                + (bench.javaOpts == null ? " (its default JVM options)" : " with OPSBOT_JAVA_OPTS=" + bench.javaOpts));
        System.out.println("  before the run: " + Machine.load());
        System.out.println("  poll /readyz every " + poll.toMillis() + " ms; logs in " + logs);

        boolean targetMet = true;
        CpuMeter cpu = CpuMeter.start();
        bench.firstStartAfterBuild();
        if (!mode.equals("reuse")) {
            targetMet &= bench.report("fresh data dir", bench.freshRuns(runs), target);
        }
        if (!mode.equals("fresh")) {
            targetMet &= bench.report("reused data dir", bench.reuseRuns(runs), target);
        }
        System.out.println("  " + cpu.report());
        if (!args.flag("keep") && bench.failures.isEmpty()) {
            TempDirs.delete(logs);
        }
        bench.failures.forEach(f -> System.out.println("FAILED: " + f));
        if (!targetMet) {
            System.out.println("TARGET MISSED: a start took " + target.toMillis() + " ms or more");
        }
        return bench.failures.isEmpty() && targetMet ? 0 : 1;
    }

    /**
     * When the launcher's archive does not exist yet, the next start creates it (the launcher runs a training start
     * first). A person sees that once per build, so it is measured and shown but kept out of the statistics.
     */
    private void firstStartAfterBuild() {
        Optional<Path> archive = repo.cdsArchive();
        if (archive.isEmpty() || Files.exists(archive.get()) || javaOpts != null) {
            return;
        }
        Path data = TempDirs.create("opsbot-startup-first-");
        try {
            measure("first start after a build (not counted)", data);
        } finally {
            TempDirs.delete(data);
        }
    }

    private List<Double> freshRuns(int runs) {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Path data = TempDirs.create("opsbot-startup-fresh-");
            try {
                measure("fresh " + i, data).ifPresent(millis::add);
            } finally {
                TempDirs.delete(data);
            }
        }
        return millis;
    }

    private List<Double> reuseRuns(int runs) {
        List<Double> millis = new ArrayList<>();
        Path data = TempDirs.create("opsbot-startup-reuse-");
        try {
            measure("reuse 0 (prepares the data dir; not counted)", data);
            for (int i = 1; i <= runs; i++) {
                measure("reuse " + i, data).ifPresent(millis::add);
            }
        } finally {
            TempDirs.delete(data);
        }
        return millis;
    }

    /** One start: returns the milliseconds to ready, or empty (and a failure) when it never got ready. */
    // Exit codes and graceful closing are printed, not judged: DemoMemory judges them on an idle bot. Here the
    // SIGTERM comes within milliseconds of the first 200, which shows whether the bot is stoppable that early.
    private Optional<Double> measure(String name, Path data) {
        String cds = cdsState();
        Path log = logs.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".log");
        DemoProcess demo = DemoProcess.start(repo, FreePort.pick(), data, log, javaOpts);
        try {
            long ready = Readiness.awaitReady(demo.port(), poll, timeout, demo::alive);
            if (demo.rebuilt()) {
                failures.add(name + ": the launcher rebuilt the jar (sources changed); build first and rerun");
            }
            DemoProcess.Stopped stopped = demo.stop(STOP_WAIT);
            if (ready < 0) {
                failures.add(name + ": not ready within " + timeout.toSeconds() + " s; output in " + log);
                System.out.printf(Locale.ROOT, "  %-48s NOT READY; exit %d; %s%n", name, stopped.exitCode(), cds);
                return Optional.empty();
            }
            double millis = (ready - demo.startedNanos()) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "  %-48s ready in %6.0f ms; SIGTERM -> exit %d in %5d ms%s, %s; %s%n",
                    name,
                    millis,
                    stopped.exitCode(),
                    stopped.took().toMillis(),
                    stopped.killed() ? " (killed)" : "",
                    demo.closedGracefully() ? "closed" : "NOT closed (no 'opsbot stopped' in its log)",
                    cds);
            return Optional.of(millis);
        } finally {
            demo.kill();
        }
    }

    /**
     * Whether the launcher's class-data-sharing archive exists before a run. Without it the launcher first runs a
     * short training start to create it (or the JVM creates it on exit), so that start is slower by design.
     */
    private String cdsState() {
        Optional<Path> archive = repo.cdsArchive();
        if (javaOpts != null) {
            return "launcher's CDS archive not used (--java-opts replaces its options)";
        }
        if (archive.isEmpty()) {
            return "launcher names no CDS archive";
        }
        try {
            if (!Files.exists(archive.get())) {
                return "no CDS archive yet: this start creates " + repo.root().relativize(archive.get());
            }
            boolean stale =
                    Files.getLastModifiedTime(archive.get()).compareTo(Files.getLastModifiedTime(repo.jar())) < 0;
            return stale ? "CDS archive older than the jar (recreated)" : "CDS archive present";
        } catch (IOException e) {
            return "CDS archive state unknown: " + e.getMessage();
        }
    }

    private boolean report(String mode, List<Double> millis, Duration target) {
        Stats stats = Stats.of(millis);
        boolean met = stats.n() > 0 && stats.max() < target.toMillis();
        System.out.println("  " + mode + ": " + stats.format("ms") + "; target < " + target.toMillis() + " ms: "
                + (met ? "met" : "MISSED"));
        return met;
    }
}
