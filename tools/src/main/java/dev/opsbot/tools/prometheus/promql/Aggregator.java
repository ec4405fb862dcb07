package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.Aggregation;
import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sum, avg, count, min and max over groups of an instant vector, with Prometheus' arithmetic and NaN rules. */
final class Aggregator {
    private Aggregator() {}

    /** The running state of one output group. */
    private static final class Group {
        final Labels labels;
        double value;
        double mean;
        int count = 1;

        Group(Labels labels, double first) {
            this.labels = labels;
            this.value = first;
            this.mean = first;
        }
    }

    static InstantVector aggregate(Aggregation aggregation, InstantVector input) {
        Map<Labels, Group> groups = new LinkedHashMap<>();
        for (VectorSample sample : input.samples()) {
            Labels key = groupLabels(aggregation, sample.labels());
            Group group = groups.get(key);
            if (group == null) {
                groups.put(key, new Group(key, sample.value()));
            } else {
                accumulate(aggregation.operator(), group, sample.value());
            }
        }
        List<VectorSample> out = new ArrayList<>(groups.size());
        for (Group group : groups.values()) {
            double value =
                    switch (aggregation.operator()) {
                        case AVG -> group.mean;
                        case COUNT -> group.count;
                        default -> group.value;
                    };
            out.add(new VectorSample(group.labels, value));
        }
        return new InstantVector(out);
    }

    /** by (...) keeps only those labels; without (...) removes them and the metric name; neither gives one group. */
    private static Labels groupLabels(Aggregation aggregation, Labels labels) {
        if (aggregation.without()) {
            return labels.without(aggregation.grouping()).withoutMetricName();
        }
        return labels.keep(aggregation.grouping());
    }

    private static void accumulate(AggregationOperator operator, Group group, double value) {
        switch (operator) {
            case SUM -> group.value += value;
            case AVG -> {
                group.count++;
                if (Double.isInfinite(group.mean)) {
                    if (Double.isInfinite(value) && (group.mean > 0) == (value > 0)) {
                        return; // Inf plus the same Inf stays Inf; the formula below would make it NaN.
                    }
                    if (!Double.isInfinite(value) && !Double.isNaN(value)) {
                        return;
                    }
                }
                // An incremental mean, each side divided by the count, so that large values do not overflow.
                group.mean += value / group.count - group.mean / group.count;
            }
            case COUNT -> group.count++;
            case MAX -> {
                if (group.value < value || Double.isNaN(group.value)) {
                    group.value = value;
                }
            }
            case MIN -> {
                if (group.value > value || Double.isNaN(group.value)) {
                    group.value = value;
                }
            }
        }
    }
}
