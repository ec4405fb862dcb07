package dev.opsbot.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads over a phase, summed by thread family (the name without its trailing number), so a
 * driver that runs opsbot, a stub server and the load generator in one JVM can say which of them used the cores.
 * Threads that end during the phase are not counted (their time is lost to the sum).
 */
public final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start;
    private final long startNanos = System.nanoTime();

    private ThreadCpu() {
        this.start = snapshot();
    }

    public static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** "opsbot-dispatch 0.52, qtp 0.31, ..." in cores, the {@code top} busiest families, then the rest. */
    public String report(int top) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> byFamily = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - start.getOrDefault(info.getThreadId(), 0L);
            byFamily.merge(family(info.getThreadName()), used, Long::sum);
        }
        List<Map.Entry<String, Long>> sorted = byFamily.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        String shown = sorted.stream()
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e9 / seconds))
                .collect(Collectors.joining(", "));
        long rest = sorted.stream().skip(top).mapToLong(Map.Entry::getValue).sum();
        return String.format(
                Locale.ROOT,
                "%s, %d other families %.2f (cores, by thread)",
                shown,
                Math.max(0, sorted.size() - top),
                rest / 1e9 / seconds);
    }

    private Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** "qtp1234-56" -> "qtp1234", "slack-http-3" -> "slack-http", "C2 CompilerThread1" -> "C2 CompilerThread". */
    static String family(String name) {
        String trimmed = name.replaceAll("[-_ #]?\\d+$", "");
        return trimmed.isEmpty() ? name : trimmed;
    }
}
