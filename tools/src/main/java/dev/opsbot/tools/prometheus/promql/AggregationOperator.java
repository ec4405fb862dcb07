package dev.opsbot.tools.prometheus.promql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The aggregation operators this evaluator implements. */
enum AggregationOperator {
    SUM,
    AVG,
    COUNT,
    MIN,
    MAX;

    /** Prometheus' other aggregations, named in the error when a query uses one. */
    static final Set<String> UNSUPPORTED =
            Set.of("group", "stddev", "stdvar", "topk", "bottomk", "count_values", "quantile");

    static Optional<AggregationOperator> named(String word) {
        try {
            return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
