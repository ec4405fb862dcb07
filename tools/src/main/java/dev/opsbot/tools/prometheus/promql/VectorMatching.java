package dev.opsbot.tools.prometheus.promql;

import java.util.List;

/**
 * How a binary operation between two vectors pairs their samples: on all labels but the metric name (the default),
 * {@code on(labels)} or {@code ignoring(labels)}.
 */
record VectorMatching(boolean on, List<String> labels) {
    static final VectorMatching DEFAULT = new VectorMatching(false, List.of());

    VectorMatching {
        labels = List.copyOf(labels);
    }

    /** The labels that must be equal on both sides for two samples to pair up. */
    Labels signature(Labels series) {
        if (on) {
            return series.keep(labels);
        }
        return series.without(labels).withoutMetricName();
    }
}
