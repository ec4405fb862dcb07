package dev.opsbot.tools.prometheus.promql;

import java.util.List;

/** The value of an expression at one evaluation time. */
sealed interface Value {
    record Scalar(double value) implements Value {}

    /** One sample per series; labels are unique within a vector. */
    record InstantVector(List<VectorSample> samples) implements Value {
        static final InstantVector EMPTY = new InstantVector(List.of());

        public InstantVector {
            samples = List.copyOf(samples);
        }
    }

    record VectorSample(Labels labels, double value) {}

    /**
     * The samples of each selected series inside the window {@code [end - range, end]} (or left-open, by dialect).
     * {@code range} is kept apart from the two ends because rate() divides by the range as written.
     */
    record RangeVector(List<RangeSeries> series, long startMillis, long endMillis, long rangeMillis) implements Value {
        public RangeVector {
            series = List.copyOf(series);
        }
    }
}
