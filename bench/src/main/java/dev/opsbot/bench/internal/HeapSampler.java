package dev.opsbot.bench.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * This JVM's live heap over a long run: each {@link #sample()} runs a full collection first ({@code System.gc()},
 * which G1 and the serial and parallel collectors honour unless {@code -XX:+DisableExplicitGC}), so what is left is
 * what the program still holds, not garbage waiting for the next cycle. A leak shows as a slope of those samples.
 */
public final class HeapSampler {
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * One sample.
     *
     * @param seconds since the sampler started
     * @param heapMib heap used right after the full collection
     * @param oldMib the old generation after it (the pool's collection usage), or -1 when the collector has none
     * @param threads live platform threads (virtual threads are not counted by the JVM here)
     * @param collected whether the full collection ran (false: explicit GC is disabled, the figure means little)
     */
    public record Sample(double seconds, double heapMib, double oldMib, int threads, boolean collected) {
        public double minutes() {
            return seconds / 60;
        }
    }

    private final long startNanos = System.nanoTime();
    private final MemoryPoolMXBean oldGeneration = oldGeneration();
    private final List<Sample> samples = new ArrayList<>();

    public Sample sample() {
        long before = collections();
        System.gc();
        boolean collected = collections() > before;
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        double old = oldGeneration == null || oldGeneration.getCollectionUsage() == null
                ? -1
                : oldGeneration.getCollectionUsage().getUsed() / MIB;
        Sample sample = new Sample(
                (System.nanoTime() - startNanos) / 1e9,
                heap,
                old,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                collected);
        samples.add(sample);
        return sample;
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** "heap 212.4 MiB, old gen 190.1 MiB, 143 threads". */
    public static String format(Sample s) {
        return String.format(
                Locale.ROOT,
                "heap after GC %.1f MiB%s, %d threads%s",
                s.heapMib(),
                s.oldMib() < 0 ? "" : String.format(Locale.ROOT, " (old gen %.1f MiB)", s.oldMib()),
                s.threads(),
                s.collected() ? "" : " (no GC ran: explicit GC disabled?)");
    }

    /** The least-squares slope of {@code value} per minute over the samples; NaN for fewer than two. */
    public static double slopePerMinute(List<Sample> samples, ToDoubleFunction<Sample> value) {
        int n = samples.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanT = samples.stream().mapToDouble(Sample::minutes).average().orElseThrow();
        double meanV = samples.stream().mapToDouble(value).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            double dt = s.minutes() - meanT;
            covariance += dt * (value.applyAsDouble(s) - meanV);
            variance += dt * dt;
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(count -> count >= 0)
                .sum();
    }

    private static MemoryPoolMXBean oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool ->
                        pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
                .findFirst()
                .orElse(null);
    }
}
