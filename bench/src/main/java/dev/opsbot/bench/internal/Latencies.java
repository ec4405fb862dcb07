package dev.opsbot.bench.internal;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Percentiles of a histogram recorded in microseconds, printed in milliseconds. */
public final class Latencies {
    private Latencies() {}

    public static String format(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %s, p90 %s, p99 %s, p99.9 %s, max %s, mean %s (n=%d)",
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()),
                ms((long) micros.getMean()),
                micros.getTotalCount());
    }

    public static double p99Millis(Histogram micros) {
        return micros.getValueAtPercentile(99) / 1000.0;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
}
