package dev.opsbot.bench;

import dev.opsbot.app.config.TriageConfig;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.Percentiles;
import dev.opsbot.bench.internal.TriageRuns;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioGenerator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Triage on a namespace the size of a busy one: the bundled incident grown by {@link ScenarioGenerator} to
 * {@code --pods} extra pods (50 Deployments with their ReplicaSets, Services, Endpoints) and {@code --events} events,
 * served by fabric8's mock API server in this JVM and investigated through the production sources
 * ({@link ScenarioTriage}). Times {@code --runs} investigations after {@code --warmup}, checks each still answers oom
 * on Deployment shop/checkout, and reports this JVM's heap: run it under the heap limit of the target
 * ({@code BENCH_JVM_OPTS="-Xmx300m -XX:+UseSerialGC"}) to show triage fits.
 */
public final class BigNamespaceTriage {
    private static final String USAGE = """
            usage: BENCH_JVM_OPTS="-Xmx300m -XX:+UseSerialGC" bench/run dev.opsbot.bench.BigNamespaceTriage \\
                       [--pods 500] [--events 5000] [--runs 5] [--warmup 2] [--target 3s] [--heap-target-mb 300]
              In this JVM: ScenarioGenerator.bigNamespace(pods, events) served by the scenario's mock API server and
              endpoints, ScenarioTriage (production sources, triage defaults), --warmup + --runs investigations of
              the scenario's question. Target: max time < --target, and the run fits a heap of --heap-target-mb
              (only shown when -Xmx is at most that: without BENCH_JVM_OPTS the heap part says "not tested").
              The heap figures include the mock API server holding every object, so they are an upper bound.
              Exit 0 when every answer was right (met or MISSED is in the RESULT line), 1 when one was wrong or the
              run broke (OutOfMemoryError included).""";
    private static final long MIB = 1024 * 1024;

    private BigNamespaceTriage() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv, Set.of("pods", "events", "runs", "warmup", "target", "heap-target-mb"), Set.of(), USAGE);
        int pods = args.integer("pods", 500, 0, 100_000);
        int events = args.integer("events", 5_000, 0, 1_000_000);
        int runs = args.integer("runs", 5, 1, 1_000);
        int warmup = args.integer("warmup", 2, 0, 100);
        Duration target = args.duration("target", Duration.ofSeconds(3), Duration.ofMinutes(5));
        int heapTargetMib = args.integer("heap-target-mb", 300, 1, 100_000);

        System.out.println("BigNamespaceTriage: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        long maxHeapMib = heapLimitMib();
        System.out.println("  JVM: max heap " + maxHeapMib + " MiB (Runtime.maxMemory "
                + Runtime.getRuntime().maxMemory() / MIB + " MiB), GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList()
                + ", options " + ManagementFactory.getRuntimeMXBean().getInputArguments());

        long baseline = liveHeap();
        long generating = System.nanoTime();
        Scenario scenario = ScenarioGenerator.bigNamespace(pods, events);
        double generated = ms(generating);
        long withScenario = liveHeap();
        Map<String, Long> kinds = scenario.kubernetesObjects().stream()
                .collect(Collectors.groupingBy(o -> o.getKind(), TreeMap::new, Collectors.counting()));
        System.out.printf(
                Locale.ROOT,
                "  scenario %s + %d pods, %d events: %d Kubernetes objects in %s (generated in %.0f ms)%n",
                scenario.name(),
                pods,
                events,
                scenario.kubernetesObjects().size(),
                scenario.namespace(),
                generated);
        System.out.println("    by kind: " + kinds);

        List<String> failures = new ArrayList<>();
        long starting = System.nanoTime();
        try (ScenarioTriage triage = ScenarioTriage.start(scenario, TriageConfig.defaults(), Clock.systemUTC())) {
            double started = ms(starting);
            long withServer = liveHeap();
            System.out.printf(
                    Locale.ROOT,
                    "  mock API server and endpoints started in %.0f ms; live heap after GC: %.1f MiB before the"
                            + " scenario, %.1f MiB with it (+%.1f), %.1f MiB with the servers (+%.1f)%n",
                    started,
                    baseline / (double) MIB,
                    withScenario / (double) MIB,
                    (withScenario - baseline) / (double) MIB,
                    withServer / (double) MIB,
                    (withServer - withScenario) / (double) MIB);
            TriageService service = triage.service();
            Investigation investigation = service.investigation(
                    scenario.question(), scenario.service(), scenario.namespace(), SymptomKind.HTTP_5XX);

            List<Double> times = new ArrayList<>();
            Map<String, List<Double>> sourceMillis = new TreeMap<>();
            CpuMeter cpu = null;
            long gcCountBefore = 0;
            long gcMillisBefore = 0;
            TriageReport last = null;
            for (int i = 0; i < warmup + runs; i++) {
                if (i == warmup) {
                    resetPeaks();
                    cpu = CpuMeter.start();
                    gcCountBefore = gcCount();
                    gcMillisBefore = gcMillis();
                }
                long start = System.nanoTime();
                TriageReport report = service.run(investigation, Principal.of("bench"), TriageListener.NONE);
                double millis = ms(start);
                String label = i < warmup ? "warm-up " + (i + 1) : "run " + (i - warmup + 1);
                System.out.printf(Locale.ROOT, "    %-9s %6.0f ms: %s%n", label, millis, TriageRuns.sources(report));
                TriageRuns.wrongAnswer(scenario, report).ifPresent(w -> failures.add(label + ": " + w));
                if (i >= warmup) {
                    times.add(millis);
                    report.result().sources().forEach(s -> sourceMillis
                            .computeIfAbsent(s.name(), k -> new ArrayList<>())
                            .add((double) s.millis()));
                }
                last = report;
            }
            String cpuUse = cpu.report();
            long gcs = gcCount() - gcCountBefore;
            long gcMillis = gcMillis() - gcMillisBefore;
            long peakMeasured = peakHeap();
            long committed = Runtime.getRuntime().totalMemory();
            Percentiles total = Percentiles.of(times);
            System.out.println("    answer: " + TriageRuns.answer(last));
            System.out.println("    whole investigation:  " + total.format());
            sourceMillis.forEach((source, ms) -> System.out.printf(
                    Locale.ROOT,
                    "    source %-11s %s%n",
                    source + ":",
                    Percentiles.of(ms).format()));
            System.out.println("    " + cpuUse);
            System.out.printf(
                    Locale.ROOT,
                    "  heap during the %d measured runs: peak used %.1f MiB (sum of each heap pool's peak: %s),"
                            + " committed %.1f MiB, max %d MiB; %d collections, %d ms in GC%n",
                    runs,
                    peakMeasured / (double) MIB,
                    poolPeaks(),
                    committed / (double) MIB,
                    maxHeapMib,
                    gcs,
                    gcMillis);
            System.out.println("    old generation after its last collection: " + oldAfterLastCollection());

            // The triage alone: what one investigation allocates, and what it leaves live.
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = liveHeap();
            Map<Long, Long> threadsBefore = allocatedByThread(threads);
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            long start = System.nanoTime();
            var kept = new java.util.concurrent.atomic.AtomicReference<>(
                    service.run(investigation, Principal.of("bench"), TriageListener.NONE));
            double millis = ms(start);
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
            Map<String, Long> byGroup = allocatedByGroup(threads, threadsBefore);
            long after = liveHeap();
            TriageRuns.wrongAnswer(scenario, kept.get()).ifPresent(w -> failures.add("allocation run: " + w));
            System.out.printf(
                    Locale.ROOT,
                    "  one more investigation (%.0f ms) after a full GC: the JVM allocated %.1f MiB while it ran (all"
                            + " threads: the mock API server's serving is in it)%n",
                    millis,
                    allocated / (double) MIB);
            System.out.println("    allocated by thread (threads alive before and after; names without numbers): "
                    + byGroup.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(8)
                            .map(e ->
                                    String.format(Locale.ROOT, "%s %.1f MiB", e.getKey(), e.getValue() / (double) MIB))
                            .collect(Collectors.joining(", ")));
            Thread.sleep(1_000);
            long settled = liveHeap();
            kept.set(null);
            long dropped = liveHeap();
            System.out.printf(
                    Locale.ROOT,
                    "    live heap against before it: %+.2f MiB right at its return,"
                            + " %+.2f MiB 1 s later with the report still referenced, %+.2f MiB with the report dropped:"
                            + " the report keeps %.2f MiB%n",
                    (after - before) / (double) MIB,
                    (settled - before) / (double) MIB,
                    (dropped - before) / (double) MIB,
                    (settled - dropped) / (double) MIB);

            if (failures.isEmpty()) {
                boolean timeMet = total.max() < target.toMillis();
                boolean heapTested = maxHeapMib <= heapTargetMib;
                String heap = !heapTested
                        ? "heap not tested (max heap " + maxHeapMib + " MiB; run with BENCH_JVM_OPTS=\"-Xmx"
                                + heapTargetMib + "m -XX:+UseSerialGC\")"
                        : String.format(
                                Locale.ROOT,
                                "heap: ran in -Xmx%dm, peak used %.0f MiB; target < %d MiB: %s",
                                maxHeapMib,
                                peakMeasured / (double) MIB,
                                heapTargetMib,
                                peakMeasured / MIB < heapTargetMib ? "met" : "MISSED");
                System.out.printf(
                        Locale.ROOT,
                        "RESULT BigNamespaceTriage: %d pods, %d events: triage p50 %.0f ms, max %.0f ms (n=%d);"
                                + " target max < %d ms: %s; %s%n",
                        pods,
                        events,
                        total.p50(),
                        total.max(),
                        total.n(),
                        target.toMillis(),
                        timeMet ? "met" : "MISSED",
                        heap);
            }
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private static Map<Long, Long> allocatedByThread(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], bytes[i]);
        }
        return out;
    }

    /** Bytes allocated since {@code before} per thread name with its numbers taken out ("vert.x-eventloop-thread-"). */
    private static Map<String, Long> allocatedByGroup(com.sun.management.ThreadMXBean threads, Map<Long, Long> before) {
        Map<String, Long> groups = new TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !before.containsKey(info.getThreadId())) {
                continue;
            }
            long now = threads.getThreadAllocatedBytes(info.getThreadId());
            long delta = now - before.get(info.getThreadId());
            if (now >= 0 && delta > 0) {
                groups.merge(info.getThreadName().replaceAll("\\d+", "#"), delta, Long::sum);
            }
        }
        return groups;
    }

    /** -Xmx as given, in MiB ({@code Runtime.maxMemory()} leaves one survivor space out), else the JVM's maximum. */
    private static long heapLimitMib() {
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xmx")) {
                String size = option.substring(4).toLowerCase(Locale.ROOT);
                long number = Long.parseLong(size.replaceAll("[^0-9]", ""));
                return switch (size.charAt(size.length() - 1)) {
                    case 'g' -> number * 1024;
                    case 'm' -> number;
                    case 'k' -> number / 1024;
                    default -> number / MIB;
                };
            }
        }
        return Runtime.getRuntime().maxMemory() / MIB;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    /** Used heap after two full collections: what is reachable. */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * The sum of every heap pool's peak: an upper bound of the peak used heap, since the young pools peak just before
     * a collection and the old pool after it.
     */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String poolPeaks() {
        return heapPools().stream()
                .map(p -> String.format(
                        Locale.ROOT,
                        "%s %.1f of %.1f",
                        p.getName(),
                        p.getPeakUsage().getUsed() / (double) MIB,
                        p.getPeakUsage().getCommitted() / (double) MIB))
                .collect(Collectors.joining(", "));
    }

    /** The old pool's usage right after its last collection (a live-set estimate), per heap pool that has one. */
    private static String oldAfterLastCollection() {
        return heapPools().stream()
                .filter(p -> p.getCollectionUsage() != null
                        && !p.getName().contains("Eden")
                        && !p.getName().contains("Survivor"))
                .map(p -> String.format(
                        Locale.ROOT,
                        "%s %.1f MiB",
                        p.getName(),
                        p.getCollectionUsage().getUsed() / (double) MIB))
                .collect(Collectors.joining(", "));
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
