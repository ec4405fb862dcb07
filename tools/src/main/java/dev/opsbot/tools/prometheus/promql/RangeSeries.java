package dev.opsbot.tools.prometheus.promql;

/**
 * A series' samples in time order: a window of a range selector, or one series of a query's result.
 *
 * @param timestamps milliseconds since the epoch, ascending
 */
public record RangeSeries(Labels labels, long[] timestamps, double[] values) {
    public RangeSeries {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
    }

    public int size() {
        return timestamps.length;
    }

    long firstTimestamp() {
        return timestamps[0];
    }

    long lastTimestamp() {
        return timestamps[timestamps.length - 1];
    }

    double firstValue() {
        return values[0];
    }

    double lastValue() {
        return values[values.length - 1];
    }
}
