package dev.opsbot.bench.internal;

import java.util.List;
import java.util.Locale;

/**
 * Nearest-rank percentiles of a few dozen timings in milliseconds: p90 of 20 runs is the 18th fastest, a value that was
 * actually measured (no interpolation), which is what a "p90 under 2 s" target means for so few samples.
 */
public record Percentiles(double p50, double p90, double max, double min, int n) {
    public static Percentiles of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return new Percentiles(rank(sorted, 50), rank(sorted, 90), sorted.getLast(), sorted.getFirst(), sorted.size());
    }

    private static double rank(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** "p50 812 ms, p90 1034 ms, max 1210 ms (min 790, n=20)". */
    public String format() {
        return String.format(
                Locale.ROOT, "p50 %.0f ms, p90 %.0f ms, max %.0f ms (min %.0f, n=%d)", p50, p90, max, min, n);
    }
}
