package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.RangeVector;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The functions over a range vector: each turns the window of every series into at most one sample. All but
 * last_over_time drop the metric name, as the value no longer is the metric.
 */
final class RangeFunctions {
    private RangeFunctions() {}

    /** What a function makes of one series' window; empty when the window has too few samples. */
    @FunctionalInterface
    private interface WindowFunction {
        OptionalDouble apply(RangeSeries window, RangeVector range, PromqlDialect dialect);
    }

    static void register(Map<String, FunctionSpec> functions) {
        add(functions, "rate", false, (w, r, d) -> ExtrapolatedRate.of(w, r, true, true, d));
        add(functions, "increase", false, (w, r, d) -> ExtrapolatedRate.of(w, r, true, false, d));
        add(functions, "delta", false, (w, r, d) -> ExtrapolatedRate.of(w, r, false, false, d));
        add(functions, "irate", false, (w, r, d) -> instantRate(w));
        add(functions, "max_over_time", false, (w, r, d) -> OptionalDouble.of(max(w.values())));
        add(functions, "min_over_time", false, (w, r, d) -> OptionalDouble.of(min(w.values())));
        add(functions, "avg_over_time", false, (w, r, d) -> OptionalDouble.of(average(w.values())));
        add(functions, "last_over_time", true, (w, r, d) -> OptionalDouble.of(w.lastValue()));
    }

    private static void add(
            Map<String, FunctionSpec> functions, String name, boolean keepsMetricName, WindowFunction function) {
        functions.put(
                name,
                new FunctionSpec(
                        name,
                        List.of(ValueType.MATRIX),
                        ValueType.VECTOR,
                        (args, at, dialect) -> apply((RangeVector) args.get(0), keepsMetricName, function, dialect)));
    }

    private static InstantVector apply(
            RangeVector range, boolean keepsMetricName, WindowFunction function, PromqlDialect dialect) {
        List<VectorSample> out = new ArrayList<>();
        for (RangeSeries window : range.series()) {
            OptionalDouble value = function.apply(window, range, dialect);
            if (value.isPresent()) {
                Labels labels =
                        keepsMetricName ? window.labels() : window.labels().withoutMetricName();
                out.add(new VectorSample(labels, value.getAsDouble()));
            }
        }
        return new InstantVector(out);
    }

    /** irate: the per-second change between the last two samples, treating a drop as a counter reset. */
    private static OptionalDouble instantRate(RangeSeries window) {
        int size = window.size();
        if (size < 2) {
            return OptionalDouble.empty();
        }
        double last = window.values()[size - 1];
        double previous = window.values()[size - 2];
        double change = last < previous ? last : last - previous;
        long interval = window.timestamps()[size - 1] - window.timestamps()[size - 2];
        if (interval == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(change / (interval / 1000.0));
    }

    /** Any NaN is replaced by the next value, so NaN wins only when it is last or alone, as in Prometheus. */
    private static double max(double[] values) {
        double max = values[0];
        for (double value : values) {
            if (value > max || Double.isNaN(max)) {
                max = value;
            }
        }
        return max;
    }

    private static double min(double[] values) {
        double min = values[0];
        for (double value : values) {
            if (value < min || Double.isNaN(min)) {
                min = value;
            }
        }
        return min;
    }

    /** Prometheus' incremental mean with Kahan-Neumaier compensation, which keeps huge values from overflowing. */
    private static double average(double[] values) {
        double mean = 0;
        double compensation = 0;
        double count = 0;
        for (double value : values) {
            count++;
            if (Double.isInfinite(mean)) {
                if (Double.isInfinite(value) && (mean > 0) == (value > 0)) {
                    continue;
                }
                if (!Double.isInfinite(value) && !Double.isNaN(value)) {
                    continue;
                }
            }
            double increment = value / count - mean / count;
            double sum = mean + increment;
            compensation += Math.abs(mean) >= Math.abs(increment) ? (mean - sum) + increment : (increment - sum) + mean;
            mean = sum;
        }
        return Double.isInfinite(mean) ? mean : mean + compensation;
    }
}
