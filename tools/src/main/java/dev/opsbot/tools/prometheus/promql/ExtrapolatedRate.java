package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Value.RangeVector;
import java.util.OptionalDouble;

/**
 * rate(), increase() and delta(), copied from Prometheus' {@code extrapolatedRate} (promql/functions.go) operation
 * for operation, so that the floating-point results match bit for bit where the inputs do.
 *
 * <p>The change over the window is extrapolated towards the window's ends, because samples rarely sit exactly on them:
 * all the way to an end that is within 110% of the average sample spacing, else by half a spacing (the series
 * probably starts or stops inside the window). A counter is never extrapolated below zero.
 */
final class ExtrapolatedRate {
    private ExtrapolatedRate() {}

    /**
     * @param isCounter whether a drop means a reset (rate, increase) rather than a decrease (delta)
     * @param isRate whether to divide by the range, giving a per-second value
     * @return empty when the window holds fewer than two samples
     */
    static OptionalDouble of(
            RangeSeries window, RangeVector range, boolean isCounter, boolean isRate, PromqlDialect dialect) {
        int size = window.size();
        if (size < 2) {
            return OptionalDouble.empty();
        }
        double result = window.lastValue() - window.firstValue();
        if (isCounter) {
            result = addResets(result, window.values());
        }

        double durationToStart = (window.firstTimestamp() - range.startMillis()) / 1000.0;
        double durationToEnd = (range.endMillis() - window.lastTimestamp()) / 1000.0;
        double sampledInterval = (window.lastTimestamp() - window.firstTimestamp()) / 1000.0;
        double averageDurationBetweenSamples = sampledInterval / (size - 1);
        double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
        boolean clampAtZero = isCounter && result > 0 && window.firstValue() >= 0;
        double durationToZero = clampAtZero ? sampledInterval * (window.firstValue() / result) : 0;

        double extrapolateToInterval = sampledInterval;
        if (dialect.version3()) {
            if (durationToStart >= extrapolationThreshold) {
                durationToStart = averageDurationBetweenSamples / 2;
            }
            if (clampAtZero && durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
            extrapolateToInterval += durationToStart;
            extrapolateToInterval +=
                    durationToEnd >= extrapolationThreshold ? averageDurationBetweenSamples / 2 : durationToEnd;
        } else {
            if (clampAtZero && durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
            extrapolateToInterval +=
                    durationToStart < extrapolationThreshold ? durationToStart : averageDurationBetweenSamples / 2;
            extrapolateToInterval +=
                    durationToEnd < extrapolationThreshold ? durationToEnd : averageDurationBetweenSamples / 2;
        }

        double factor = extrapolateToInterval / sampledInterval;
        if (isRate) {
            factor /= goSeconds(range.rangeMillis());
        }
        return OptionalDouble.of(result * factor);
    }

    /**
     * Adds what the counter had reached before each reset (the change lost when it fell back towards zero), one reset
     * at a time as Prometheus does, so that the rounding is the same.
     */
    private static double addResets(double change, double[] values) {
        double previous = values[0];
        for (int i = 1; i < values.length; i++) {
            if (values[i] < previous) {
                change += previous;
            }
            previous = values[i];
        }
        return change;
    }

    /** Go's Duration.Seconds(): whole seconds plus the nanosecond remainder divided by 1e9. */
    private static double goSeconds(long millis) {
        return (millis / 1000) + ((millis % 1000) * 1_000_000L) / 1e9;
    }
}
