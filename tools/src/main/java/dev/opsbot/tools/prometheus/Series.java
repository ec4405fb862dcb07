package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.promql.Labels;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One series of a query result: its labels, sorted by name ({@code __name__} only where Prometheus keeps it, i.e. not
 * after a function or an aggregation), and its points in time order.
 */
public record Series(Map<String, String> labels, List<Point> points) {
    /** Prometheus' order of series: label by label, name then value. */
    public static final Comparator<Series> BY_LABELS = Comparator.comparing(series -> Labels.of(series.labels()));

    public Series {
        Objects.requireNonNull(labels, "labels");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        points = List.copyOf(points);
    }
}
