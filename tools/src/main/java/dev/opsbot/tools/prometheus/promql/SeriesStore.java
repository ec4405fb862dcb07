package dev.opsbot.tools.prometheus.promql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series the evaluator can select, with its samples in time order, indexed by metric name. Immutable once built.
 */
public final class SeriesStore {
    private final Map<String, List<RangeSeries>> byName;

    private SeriesStore(Map<String, List<RangeSeries>> byName) {
        this.byName = byName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The series all of whose labels satisfy {@code matchers}. */
    List<RangeSeries> select(List<LabelMatcher> matchers) {
        List<RangeSeries> candidates = candidates(matchers);
        List<RangeSeries> selected = new ArrayList<>();
        for (RangeSeries series : candidates) {
            if (matchers.stream().allMatch(m -> m.matches(series.labels().get(m.name())))) {
                selected.add(series);
            }
        }
        return selected;
    }

    private List<RangeSeries> candidates(List<LabelMatcher> matchers) {
        for (LabelMatcher matcher : matchers) {
            if (matcher.name().equals(Labels.METRIC_NAME) && matcher.type() == LabelMatcher.Type.EQUAL) {
                return byName.getOrDefault(matcher.value(), List.of());
            }
        }
        return byName.values().stream().flatMap(List::stream).toList();
    }

    /** The index of the last sample at or before {@code time}, or -1. */
    static int lastAtOrBefore(RangeSeries series, long time) {
        int found = Arrays.binarySearch(series.timestamps(), time);
        return found >= 0 ? found : -found - 2;
    }

    /** The index of the first sample at or after {@code time} (the size when there is none). */
    static int firstAtOrAfter(RangeSeries series, long time) {
        int found = Arrays.binarySearch(series.timestamps(), time);
        return found >= 0 ? found : -found - 1;
    }

    /** Collects samples in any order; {@link #build()} sorts each series by time. */
    public static final class Builder {
        private final Map<Labels, SampleBuffer> buffers = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds one sample; {@code labels} must hold the metric name.
         *
         * @throws IllegalArgumentException when the labels lack a metric name
         */
        public Builder add(Labels labels, long timestampMillis, double value) {
            if (labels.get(Labels.METRIC_NAME).isEmpty()) {
                throw new IllegalArgumentException("a sample needs a metric name: " + labels);
            }
            buffers.computeIfAbsent(labels, SampleBuffer::new).add(timestampMillis, value);
            return this;
        }

        /**
         * @throws IllegalArgumentException when one series has two different values at the same time (Prometheus
         *     would keep one of them, unpredictably)
         */
        public SeriesStore build() {
            Map<String, List<RangeSeries>> byName = new HashMap<>();
            for (SampleBuffer buffer : buffers.values()) {
                RangeSeries series = buffer.toSortedSeries();
                byName.computeIfAbsent(series.labels().get(Labels.METRIC_NAME), any -> new ArrayList<>())
                        .add(series);
            }
            return new SeriesStore(byName);
        }
    }

    /** A growable pair of arrays, so that a million samples do not become a million objects. */
    private static final class SampleBuffer {
        private final Labels labels;
        private long[] timestamps = new long[64];
        private double[] values = new double[64];
        private int size;
        private boolean ordered = true;

        SampleBuffer(Labels labels) {
            this.labels = labels;
        }

        void add(long timestamp, double value) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            ordered &= size == 0 || timestamps[size - 1] < timestamp;
            timestamps[size] = timestamp;
            values[size] = value;
            size++;
        }

        RangeSeries toSortedSeries() {
            if (ordered) {
                return new RangeSeries(labels, Arrays.copyOf(timestamps, size), Arrays.copyOf(values, size));
            }
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
            long[] sortedTimes = new long[size];
            double[] sortedValues = new double[size];
            int kept = 0;
            for (int index : order) {
                if (kept > 0 && sortedTimes[kept - 1] == timestamps[index]) {
                    if (Double.doubleToLongBits(sortedValues[kept - 1]) != Double.doubleToLongBits(values[index])) {
                        throw new IllegalArgumentException(
                                labels + " has two different values at " + Instant.ofEpochMilli(timestamps[index]));
                    }
                    continue;
                }
                sortedTimes[kept] = timestamps[index];
                sortedValues[kept] = values[index];
                kept++;
            }
            return new RangeSeries(labels, Arrays.copyOf(sortedTimes, kept), Arrays.copyOf(sortedValues, kept));
        }
    }
}
