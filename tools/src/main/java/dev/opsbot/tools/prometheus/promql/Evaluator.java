package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.Aggregation;
import dev.opsbot.tools.prometheus.promql.Expr.Binary;
import dev.opsbot.tools.prometheus.promql.Expr.Call;
import dev.opsbot.tools.prometheus.promql.Expr.MatrixSelector;
import dev.opsbot.tools.prometheus.promql.Expr.Negation;
import dev.opsbot.tools.prometheus.promql.Expr.NumberLiteral;
import dev.opsbot.tools.prometheus.promql.Expr.Parenthesized;
import dev.opsbot.tools.prometheus.promql.Expr.StringLiteral;
import dev.opsbot.tools.prometheus.promql.Expr.VectorSelector;
import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.RangeVector;
import dev.opsbot.tools.prometheus.promql.Value.Scalar;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluates a parsed expression at one instant, over a {@link SeriesStore}. */
final class Evaluator {
    private final SeriesStore store;
    private final PromqlDialect dialect;
    private final long lookbackMillis;

    Evaluator(SeriesStore store, PromqlDialect dialect, long lookbackMillis) {
        this.store = store;
        this.dialect = dialect;
        this.lookbackMillis = lookbackMillis;
    }

    Value evaluate(Expr expr, long at) {
        return switch (expr) {
            case NumberLiteral number -> new Scalar(number.value());
            case StringLiteral string -> throw PromqlException.unsupported("a string literal");
            case Parenthesized parenthesized -> evaluate(parenthesized.inner(), at);
            case VectorSelector selector -> select(selector, at);
            case MatrixSelector selector -> window(selector, at);
            case Negation negation -> negate(evaluate(negation.operand(), at));
            case Call call -> call(call, at);
            case Aggregation aggregation ->
                unique(Aggregator.aggregate(aggregation, (InstantVector) evaluate(aggregation.operand(), at)));
            case Binary binary ->
                unique(BinaryEvaluator.apply(binary, evaluate(binary.lhs(), at), evaluate(binary.rhs(), at)));
        };
    }

    /** The latest sample of each series no older than the lookback delta (Prometheus' default: 5 minutes). */
    private InstantVector select(VectorSelector selector, long at) {
        long oldest = windowStart(at - lookbackMillis);
        List<VectorSample> samples = new ArrayList<>();
        for (RangeSeries series : store.select(selector.matchers())) {
            int index = SeriesStore.lastAtOrBefore(series, at);
            if (index >= 0 && series.timestamps()[index] >= oldest) {
                samples.add(new VectorSample(series.labels(), series.values()[index]));
            }
        }
        return new InstantVector(samples);
    }

    private RangeVector window(MatrixSelector selector, long at) {
        long start = at - selector.rangeMillis();
        long oldest = windowStart(start);
        List<RangeSeries> windows = new ArrayList<>();
        for (RangeSeries series : store.select(selector.selector().matchers())) {
            int from = SeriesStore.firstAtOrAfter(series, oldest);
            int to = SeriesStore.lastAtOrBefore(series, at) + 1;
            if (to > from) {
                windows.add(new RangeSeries(
                        series.labels(),
                        Arrays.copyOfRange(series.timestamps(), from, to),
                        Arrays.copyOfRange(series.values(), from, to)));
            }
        }
        return new RangeVector(windows, start, at, selector.rangeMillis());
    }

    /** The oldest timestamp inside a window that starts at {@code start}: itself in Prometheus 2, the next ms in 3. */
    private long windowStart(long start) {
        return dialect.windowIncludesStart() ? start : start + 1;
    }

    private Value negate(Value value) {
        if (value instanceof Scalar scalar) {
            return new Scalar(-scalar.value());
        }
        InstantVector vector = (InstantVector) value;
        return unique(new InstantVector(vector.samples().stream()
                .map(sample -> new VectorSample(sample.labels().withoutMetricName(), -sample.value()))
                .toList()));
    }

    private Value call(Call call, long at) {
        List<Value> args = new ArrayList<>(call.args().size());
        for (Expr arg : call.args()) {
            args.add(evaluate(arg, at));
        }
        return unique(call.function().body().apply(args, at, dialect));
    }

    /** Dropping the metric name can leave two samples with the same labels, which Prometheus refuses. */
    private static Value unique(Value value) {
        if (value instanceof InstantVector vector && vector.samples().size() > 1) {
            Set<Labels> seen = new HashSet<>();
            for (VectorSample sample : vector.samples()) {
                if (!seen.add(sample.labels())) {
                    throw PromqlException.invalid("vector cannot contain metrics with the same labelset");
                }
            }
        }
        return value;
    }
}
