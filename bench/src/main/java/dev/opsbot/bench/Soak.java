package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.ConsoleClient;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.DemoReplicas;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.HeapSampler;
import dev.opsbot.bench.internal.LogCapture;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.PostgresSchema;
import dev.opsbot.bench.internal.SoakCheck;
import dev.opsbot.bench.internal.SoakLoad;
import dev.opsbot.bench.internal.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo under a steady load for a long time (issue 10): two opsbot replicas in this JVM on one fresh PostgreSQL
 * schema, sharing the bundled scenario, each serving the web console; questions, commands, remembers, handoffs and
 * approvals spread over both consoles (see {@link SoakLoad}). Then: no request refused, no error in the log, every
 * message and reaction answered exactly once, every approved action executed once, the audit chain intact
 * ({@link SoakCheck}); and the live heap (after a full GC, every {@code --sample-every}) and the thread count flat
 * over the second half. Exit 1 when anything failed.
 *
 * <p>One JVM, so the heap is both replicas' together (with the load generator and the scenario, which are small and
 * do not grow): a leak in either shows in it, which is what the check needs. Separate processes would split the
 * figure per replica but not change the verdict.
 */
public final class Soak {
    private static final String USAGE = """
            usage: Soak [--duration 10m] [--sample-every 30s] [--replicas 2]
                        [--questions 60] [--commands 12] [--approvals 6] [--handoffs 1] [--remembers 2]
                        [--heap-slope-mib-per-min 1] [--thread-growth 5] [--catch-up 120s] [--settle 5s]
                        [--database-url jdbc:postgresql://127.0.0.1:5432/test] [--database-user postgres]
                        [--database-password P] [--keep]
              Rates are per minute. --sample-every defaults to 30 s, or a twentieth of --duration when shorter.
              The replicas get a new schema on the PostgreSQL server, dropped afterwards (--keep keeps it, and the
              log, which is also kept when a check failed).""";

    private Soak() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of(
                        "duration",
                        "sample-every",
                        "replicas",
                        "questions",
                        "commands",
                        "approvals",
                        "handoffs",
                        "remembers",
                        "heap-slope-mib-per-min",
                        "thread-growth",
                        "catch-up",
                        "settle",
                        "database-url",
                        "database-user",
                        "database-password"),
                Set.of("keep"),
                USAGE);
        Duration duration = args.duration("duration", Duration.ofMinutes(10), Duration.ofHours(24));
        Duration sampleDefault = duration.dividedBy(20).compareTo(Duration.ofSeconds(30)) < 0
                ? duration.dividedBy(20)
                : Duration.ofSeconds(30);
        Duration sampleEvery = args.duration("sample-every", sampleDefault, Duration.ofHours(1));
        if (sampleEvery.toMillis() < 1_000) {
            throw new Args.UsageException("--sample-every " + sampleEvery.toMillis() + "ms: at least 1 s (by default a"
                    + " twentieth of --duration, so give --duration 20s or more)\n" + USAGE);
        }
        int replicas = args.integer("replicas", 2, 1, 4);
        SoakLoad.Mix mix = new SoakLoad.Mix(
                args.integer("questions", 60, 0, 600),
                args.integer("commands", 12, 0, 600),
                args.integer("approvals", 6, 0, 60),
                args.integer("handoffs", 1, 0, 60),
                args.integer("remembers", 2, 0, 60));
        Limits limits = new Limits(heapSlope(args), args.integer("thread-growth", 5, 0, 10_000));
        Duration catchUp = args.duration("catch-up", Duration.ofSeconds(120), Duration.ofMinutes(30));
        Duration settle = args.duration("settle", Duration.ofSeconds(5), Duration.ofMinutes(5));
        boolean keep = args.flag("keep");

        System.out.println("Soak: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        Path dir = TempDirs.create("opsbot-soak-");
        List<String> failures = new ArrayList<>();
        String summary = "did not run";
        LogCapture log = LogCapture.toFile(dir.resolve("opsbot.log"));
        try (PostgresSchema schema = PostgresSchema.create(
                        args.text("database-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                        args.text("database-user", "postgres"),
                        args.text("database-password", ""),
                        "opsbot_soak_",
                        keep);
                DemoReplicas opsbot =
                        DemoReplicas.start(replicas, schema.jdbcUrl(), schema.user(), schema.password(), dir)) {
            System.out.println("  database: " + schema.describe());
            System.out.println("  " + replicas + " replicas in this JVM ("
                    + opsbot.replicas().stream()
                            .map(app -> "127.0.0.1:" + app.port())
                            .collect(Collectors.joining(", ")) + "), "
                    + opsbot.scenario().description() + ", #"
                    + opsbot.channel() + "; log in " + log.file());
            System.out.println("  load for " + duration.toSeconds() + " s, " + mix.describe() + "; a full GC and a"
                    + " sample every " + sampleEvery.toSeconds() + " s");
            summary = soak(opsbot, mix, new Phases(duration, sampleEvery, catchUp, settle), limits, failures);
        } catch (RuntimeException e) {
            System.out.println("kept: " + dir + " (the log)"); // start-up failed: the log says why
            throw e;
        } finally {
            log.close();
        }
        List<LogCapture.Problem> problems = log.problems();
        failures.addAll(judgeLog(log, problems));
        failures.forEach(f -> System.out.println("FAILED: " + f));
        if (keep || !failures.isEmpty()) {
            System.out.println("kept: " + dir + " (the log)");
        } else {
            TempDirs.delete(dir);
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT Soak: %d s, %d replicas on PostgreSQL: %s: %s%n",
                duration.toSeconds(),
                replicas,
                summary,
                failures.isEmpty() ? "passed" : "FAILED (" + failures.size() + ")");
        return failures.isEmpty() ? 0 : 1;
    }

    private static double heapSlope(Args args) {
        String value = args.text("heap-slope-mib-per-min", "1");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--heap-slope-mib-per-min " + value + ": not a number such as 0.5");
        }
    }

    /** How long the load runs, how often the heap is sampled, and how long opsbot may take to catch up after. */
    private record Phases(Duration duration, Duration sampleEvery, Duration catchUp, Duration settle) {}

    /** The load with its samples, then the checks; adds what failed to {@code failures}, returns the summary. */
    private static String soak(
            DemoReplicas opsbot, SoakLoad.Mix mix, Phases phases, Limits limits, List<String> failures)
            throws Exception {
        Duration duration = phases.duration();
        Duration sampleEvery = phases.sampleEvery();
        List<ConsoleClient> clients = new ArrayList<>();
        for (int i = 0; i < opsbot.replicas().size(); i++) {
            clients.add(new ConsoleClient(opsbot.base(i), 2));
        }
        try {
            var stores = opsbot.replicas().getFirst().stores();
            SoakLoad load = new SoakLoad(clients, opsbot.channel(), stores.proposals(), mix, opsbot.scenario()::replay);
            HeapSampler heap = new HeapSampler();
            print("start", heap.sample(), load, stores.eventLedger().countPending());
            CpuMeter cpu = CpuMeter.start();
            long start = System.nanoTime();
            load.start();
            for (long next = sampleEvery.toNanos(); next <= duration.toNanos(); next += sampleEvery.toNanos()) {
                Thread.sleep(Math.max(0, (start + next - System.nanoTime()) / 1_000_000));
                print(
                        String.format(Locale.ROOT, "%5.0f s", (System.nanoTime() - start) / 1e9),
                        heap.sample(),
                        load,
                        stores.eventLedger().countPending());
            }
            Thread.sleep(Math.max(0, (start + duration.toNanos() - System.nanoTime()) / 1_000_000));
            load.stop(Duration.ofSeconds(30));
            System.out.println("  " + cpu.report());

            SoakCheck check = new SoakCheck(stores);
            check.awaitQuiet(load.posted(), load.reactions(), phases.catchUp(), phases.settle());
            check.verify(load.posted(), load.reactions());
            System.out.println(
                    "  approval turns without an open proposal to react to: " + load.approvalsWithoutProposal()
                            + "; the incident replayed after being fixed: " + load.replays() + " times");
            check.lines().forEach(line -> System.out.println("  " + line));
            failures.addAll(check.failures());
            List<String> errors = load.errors();
            if (!errors.isEmpty()) {
                failures.add(errors.size() + " requests were not accepted; the first: " + errors.getFirst());
            }
            String stability = limits.judge(heap.samples(), duration, failures);
            return String.format(
                    Locale.ROOT,
                    "%d messages and %d reactions accepted (%d not), %d actions executed; %s",
                    load.posted().size(),
                    load.reactions().size(),
                    errors.size(),
                    check.executed(),
                    stability);
        } finally {
            clients.forEach(ConsoleClient::close);
        }
    }

    private static void print(String when, HeapSampler.Sample sample, SoakLoad load, long pending) {
        System.out.println("  " + when + ": " + HeapSampler.format(sample) + "; " + load.progress() + ", " + pending
                + " events pending");
    }

    /** Every ERROR, and every WARN that carried an exception, is a failure; other warnings are printed. */
    private static List<String> judgeLog(LogCapture log, List<LogCapture.Problem> problems) {
        System.out.println("  log: " + log.events() + " lines, " + problems.size() + " WARN or ERROR");
        Map<String, Long> grouped = problems.stream()
                .collect(Collectors.groupingBy(
                        p -> p.level() + " " + p.logger() + " - " + p.message(), Collectors.counting()));
        grouped.entrySet().stream()
                .limit(20)
                .forEach(e -> System.out.println("    " + e.getValue() + "x " + e.getKey()));
        List<LogCapture.Problem> failing =
                problems.stream().filter(LogCapture.Problem::failure).toList();
        return failing.isEmpty()
                ? List.of()
                : List.of(failing.size() + " errors or exceptions in the log; the first: " + failing.getFirst());
    }

    /**
     * What "stable" means over the second half of the load, when the pools, caches and the JIT have settled.
     *
     * @param heapSlope MiB per minute the live heap may grow (least squares over the samples)
     * @param threadGrowth how far the second half's peak thread count may exceed the first half's
     */
    private record Limits(double heapSlope, int threadGrowth) {
        /** Adds what is not stable to {@code failures}; returns the figures in a few words. */
        String judge(List<HeapSampler.Sample> samples, Duration duration, List<String> failures) {
            double half = duration.toMillis() / 2000.0;
            List<HeapSampler.Sample> first =
                    samples.stream().filter(s -> s.seconds() < half).toList();
            List<HeapSampler.Sample> second =
                    samples.stream().filter(s -> s.seconds() >= half).toList();
            if (second.size() < 4 || first.isEmpty()) {
                System.out.println("  heap and threads: not judged, " + second.size()
                        + " samples in the second half (4 needed: lengthen --duration or shorten --sample-every)");
                return "heap and threads not judged (too few samples)";
            }
            double growth = HeapSampler.slopePerMinute(second, HeapSampler.Sample::heapMib);
            double threadSlope = HeapSampler.slopePerMinute(second, s -> s.threads());
            int firstPeak = peak(first, HeapSampler.Sample::threads);
            int secondPeak = peak(second, HeapSampler.Sample::threads);
            System.out.printf(
                    Locale.ROOT,
                    "  second half (%d samples): live heap %+.2f MiB/min (limit %.2f), %.1f -> %.1f MiB; threads %+.2f"
                            + "/min, peak %d (first half %d, limit +%d)%n",
                    second.size(),
                    growth,
                    heapSlope(),
                    second.getFirst().heapMib(),
                    second.getLast().heapMib(),
                    threadSlope,
                    secondPeak,
                    firstPeak,
                    threadGrowth());
            if (samples.stream().anyMatch(s -> !s.collected())) {
                failures.add("System.gc() did not collect (explicit GC disabled?): the heap figures mean nothing");
            }
            if (growth > heapSlope()) {
                failures.add(String.format(
                        Locale.ROOT,
                        "the live heap grew %.2f MiB/min over the second half (limit %.2f)",
                        growth,
                        heapSlope()));
            }
            if (secondPeak > firstPeak + threadGrowth()) {
                failures.add(
                        "threads grew: peak " + secondPeak + " in the second half, " + firstPeak + " in the first");
            }
            return String.format(
                    Locale.ROOT,
                    "live heap %+.2f MiB/min over the second half (limit %.2f), threads peak %d (first half %d)",
                    growth,
                    heapSlope(),
                    secondPeak,
                    firstPeak);
        }

        private static int peak(List<HeapSampler.Sample> samples, Function<HeapSampler.Sample, Integer> value) {
            return samples.stream().mapToInt(value::apply).max().orElse(0);
        }
    }
}
