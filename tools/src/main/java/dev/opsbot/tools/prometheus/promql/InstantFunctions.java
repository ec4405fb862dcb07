package dev.opsbot.tools.prometheus.promql;

import static dev.opsbot.tools.prometheus.promql.ValueType.SCALAR;
import static dev.opsbot.tools.prometheus.promql.ValueType.VECTOR;

import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.Scalar;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The functions over instant vectors and scalars. Those that change a value drop the metric name. */
final class InstantFunctions {
    private InstantFunctions() {}

    static void register(Map<String, FunctionSpec> functions) {
        add(functions, "time", List.of(), SCALAR, (args, at, dialect) -> new Scalar(at / 1000.0));
        add(functions, "vector", List.of(SCALAR), VECTOR, (args, at, dialect) -> vector(scalar(args, 0)));
        add(functions, "scalar", List.of(VECTOR), SCALAR, (args, at, dialect) -> toScalar(vector(args, 0)));
        add(functions, "abs", List.of(VECTOR), VECTOR, (args, at, dialect) -> map(vector(args, 0), Math::abs));
        add(functions, "clamp_min", List.of(VECTOR, SCALAR), VECTOR, (args, at, dialect) -> {
            double min = scalar(args, 1);
            return map(vector(args, 0), value -> Math.max(min, value));
        });
        add(functions, "clamp_max", List.of(VECTOR, SCALAR), VECTOR, (args, at, dialect) -> {
            double max = scalar(args, 1);
            return map(vector(args, 0), value -> Math.min(max, value));
        });
        add(functions, "clamp", List.of(VECTOR, SCALAR, SCALAR), VECTOR, (args, at, dialect) -> {
            double min = scalar(args, 1);
            double max = scalar(args, 2);
            if (max < min) {
                return InstantVector.EMPTY;
            }
            return map(vector(args, 0), value -> Math.max(min, Math.min(max, value)));
        });
        add(
                functions,
                "histogram_quantile",
                List.of(SCALAR, VECTOR),
                VECTOR,
                (args, at, dialect) -> HistogramQuantile.of(scalar(args, 0), vector(args, 1), dialect));
    }

    private static void add(
            Map<String, FunctionSpec> functions,
            String name,
            List<ValueType> parameters,
            ValueType returns,
            FunctionSpec.Body body) {
        functions.put(name, new FunctionSpec(name, parameters, returns, body));
    }

    private static double scalar(List<Value> args, int index) {
        return ((Scalar) args.get(index)).value();
    }

    private static InstantVector vector(List<Value> args, int index) {
        return (InstantVector) args.get(index);
    }

    private static InstantVector vector(double value) {
        return new InstantVector(List.of(new VectorSample(Labels.EMPTY, value)));
    }

    /** scalar(): the value of a one-element vector, else NaN. */
    private static Scalar toScalar(InstantVector vector) {
        return new Scalar(vector.samples().size() == 1 ? vector.samples().get(0).value() : Double.NaN);
    }

    // Java's Math.max/min/abs treat NaN and signed zeros as Go's math.Max/Min/Abs do.
    private static InstantVector map(InstantVector vector, DoubleUnaryOperator function) {
        return new InstantVector(vector.samples().stream()
                .map(sample ->
                        new VectorSample(sample.labels().withoutMetricName(), function.applyAsDouble(sample.value())))
                .toList());
    }
}
