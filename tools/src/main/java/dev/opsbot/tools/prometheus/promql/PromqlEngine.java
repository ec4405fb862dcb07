package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.RangeVector;
import dev.opsbot.tools.prometheus.promql.Value.Scalar;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs PromQL queries over a {@link SeriesStore}: instant queries, and range queries as Prometheus runs them (the
 * instant query at start, start + step, ... up to end, each step's samples joined into series by their labels).
 * Results are sorted by labels.
 */
public final class PromqlEngine {
    private final Evaluator evaluator;
    private final PromqlDialect dialect;

    public PromqlEngine(SeriesStore store, PromqlDialect dialect, Duration lookbackDelta) {
        this.evaluator = new Evaluator(store, dialect, lookbackDelta.toMillis());
        this.dialect = dialect;
    }

    /**
     * The query's value at {@code atMillis}: one single-point series per sample (at {@code atMillis}), one unlabelled
     * series for a scalar, or the raw samples of each window for a range selector.
     *
     * @throws PromqlException when the query is invalid or outside the subset
     */
    public List<RangeSeries> instant(String query, long atMillis) {
        Value value = evaluator.evaluate(Parser.parse(query, dialect), atMillis);
        List<RangeSeries> result = new ArrayList<>();
        switch (value) {
            case Scalar scalar -> result.add(point(Labels.EMPTY, atMillis, scalar.value()));
            case InstantVector vector -> {
                for (VectorSample sample : vector.samples()) {
                    result.add(point(sample.labels(), atMillis, sample.value()));
                }
            }
            case RangeVector range -> result.addAll(range.series());
        }
        result.sort(Comparator.comparing(RangeSeries::labels));
        return result;
    }

    /**
     * The query evaluated at every step from {@code startMillis} to {@code endMillis}.
     *
     * @throws PromqlException when the query is invalid, outside the subset, or a range vector
     */
    public List<RangeSeries> range(String query, long startMillis, long endMillis, long stepMillis) {
        Expr expr = Parser.parse(query, dialect);
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
            throw PromqlException.invalid("invalid expression type \"" + expr.type()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        Map<Labels, PointList> series = new LinkedHashMap<>();
        for (long at = startMillis; at <= endMillis; at += stepMillis) {
            Value value = evaluator.evaluate(expr, at);
            if (value instanceof Scalar scalar) {
                series.computeIfAbsent(Labels.EMPTY, PointList::new).add(at, scalar.value());
            } else {
                for (VectorSample sample : ((InstantVector) value).samples()) {
                    series.computeIfAbsent(sample.labels(), PointList::new).add(at, sample.value());
                }
            }
        }
        return series.values().stream()
                .map(PointList::toSeries)
                .sorted(Comparator.comparing(RangeSeries::labels))
                .toList();
    }

    private static RangeSeries point(Labels labels, long at, double value) {
        return new RangeSeries(labels, new long[] {at}, new double[] {value});
    }

    /** The points of one result series as the steps produce them. */
    private static final class PointList {
        private final Labels labels;
        private final List<Long> timestamps = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        PointList(Labels labels) {
            this.labels = labels;
        }

        void add(long timestamp, double value) {
            timestamps.add(timestamp);
            values.add(value);
        }

        RangeSeries toSeries() {
            return new RangeSeries(
                    labels,
                    timestamps.stream().mapToLong(Long::longValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
