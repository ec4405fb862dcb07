package dev.opsbot.bench.internal;

import java.util.List;
import java.util.Locale;

/** Min, median and max of a few runs, as the start-up and memory tables print them. */
public record Stats(double min, double median, double max, int n) {
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.getFirst(), median, sorted.getLast(), n);
    }

    public String format(String unit) {
        return String.format(
                Locale.ROOT, "min %.0f %s, median %.0f %s, max %.0f %s (n=%d)", min, unit, median, unit, max, unit, n);
    }
}
