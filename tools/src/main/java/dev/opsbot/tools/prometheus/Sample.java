package dev.opsbot.tools.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sample read from an OpenMetrics file, as Prometheus stores it: the series' labels including {@code __name__}
 * (labels with an empty value left out, as Prometheus leaves them out), a time in milliseconds and a value.
 */
public record Sample(Map<String, String> labels, long timestampMillis, double value) {
    public static final String METRIC_NAME = "__name__";

    public Sample {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        if (!labels.containsKey(METRIC_NAME)) {
            throw new IllegalArgumentException("a sample needs a " + METRIC_NAME + " label: " + labels);
        }
    }

    public String metricName() {
        return labels.get(METRIC_NAME);
    }
}
