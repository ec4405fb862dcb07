package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.Binary;
import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.Scalar;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary operations on evaluated operands, following Prometheus' engine: scalar with scalar, vector with scalar (either
 * side), and vector with vector matched one-to-one or as sets.
 */
final class BinaryEvaluator {
    private BinaryEvaluator() {}

    static Value apply(Binary binary, Value lhs, Value rhs) {
        BinaryOperator operator = binary.operator();
        if (lhs instanceof Scalar left && rhs instanceof Scalar right) {
            return new Scalar(
                    operator.isComparison()
                            ? (operator.compare(left.value(), right.value()) ? 1 : 0)
                            : operator.arithmetic(left.value(), right.value()));
        }
        if (lhs instanceof InstantVector left && rhs instanceof Scalar right) {
            return withScalar(operator, left, right.value(), false, binary.returnBool());
        }
        if (lhs instanceof Scalar left && rhs instanceof InstantVector right) {
            return withScalar(operator, right, left.value(), true, binary.returnBool());
        }
        InstantVector left = (InstantVector) lhs;
        InstantVector right = (InstantVector) rhs;
        return switch (operator) {
            case AND -> and(left, right, binary.matching());
            case OR -> or(left, right, binary.matching());
            case UNLESS -> unless(left, right, binary.matching());
            default -> oneToOne(operator, left, right, binary.matching(), binary.returnBool());
        };
    }

    /**
     * A comparison keeps the vector's own value (even when the scalar is on the left) and filters; with bool it
     * gives 1 or 0 for every sample instead.
     */
    private static InstantVector withScalar(
            BinaryOperator operator, InstantVector vector, double scalar, boolean scalarOnLeft, boolean returnBool) {
        List<VectorSample> out = new ArrayList<>();
        for (VectorSample sample : vector.samples()) {
            double left = scalarOnLeft ? scalar : sample.value();
            double right = scalarOnLeft ? sample.value() : scalar;
            double value;
            boolean keep = true;
            if (operator.isComparison()) {
                keep = operator.compare(left, right);
                value = sample.value();
            } else {
                value = operator.arithmetic(left, right);
            }
            if (returnBool) {
                value = keep ? 1 : 0;
                keep = true;
            }
            if (keep) {
                Labels labels = operator.dropsMetricName() || returnBool
                        ? sample.labels().withoutMetricName()
                        : sample.labels();
                out.add(new VectorSample(labels, value));
            }
        }
        return new InstantVector(out);
    }

    private static InstantVector oneToOne(
            BinaryOperator operator,
            InstantVector left,
            InstantVector right,
            VectorMatching matching,
            boolean returnBool) {
        if (left.samples().isEmpty() || right.samples().isEmpty()) {
            return InstantVector.EMPTY;
        }
        Map<Labels, VectorSample> rightBySignature = new HashMap<>();
        for (VectorSample sample : right.samples()) {
            Labels signature = matching.signature(sample.labels());
            VectorSample duplicate = rightBySignature.put(signature, sample);
            if (duplicate != null) {
                throw PromqlException.invalid("found duplicate series for the match group " + signature
                        + " on the right hand-side of the operation: [" + sample.labels() + ", "
                        + duplicate.labels() + "];many-to-many matching not allowed: matching labels must be"
                        + " unique on one side");
            }
        }
        Set<Labels> matched = new HashSet<>();
        List<VectorSample> out = new ArrayList<>();
        for (VectorSample sample : left.samples()) {
            Labels signature = matching.signature(sample.labels());
            VectorSample partner = rightBySignature.get(signature);
            if (partner == null) {
                continue;
            }
            double value;
            boolean keep = true;
            if (operator.isComparison()) {
                keep = operator.compare(sample.value(), partner.value());
                value = sample.value();
            } else {
                value = operator.arithmetic(sample.value(), partner.value());
            }
            if (returnBool) {
                value = keep ? 1 : 0;
            } else if (!keep) {
                continue;
            }
            if (!matched.add(signature)) {
                throw PromqlException.invalid("multiple matches for labels: many-to-one matching must be explicit"
                        + " (group_left/group_right)");
            }
            out.add(new VectorSample(resultLabels(operator, sample.labels(), matching, returnBool), value));
        }
        return new InstantVector(out);
    }

    /** The left side's labels, less the metric name for arithmetic and bool, narrowed by on() or ignoring(). */
    private static Labels resultLabels(
            BinaryOperator operator, Labels left, VectorMatching matching, boolean returnBool) {
        Labels labels = operator.dropsMetricName() || returnBool ? left.withoutMetricName() : left;
        if (matching.on()) {
            return labels.keep(matching.labels());
        }
        return labels.without(matching.labels());
    }

    private static InstantVector and(InstantVector left, InstantVector right, VectorMatching matching) {
        if (left.samples().isEmpty() || right.samples().isEmpty()) {
            return InstantVector.EMPTY;
        }
        Set<Labels> rightSignatures = signatures(right, matching);
        return new InstantVector(left.samples().stream()
                .filter(sample -> rightSignatures.contains(matching.signature(sample.labels())))
                .toList());
    }

    private static InstantVector or(InstantVector left, InstantVector right, VectorMatching matching) {
        Set<Labels> leftSignatures = signatures(left, matching);
        List<VectorSample> out = new ArrayList<>(left.samples());
        for (VectorSample sample : right.samples()) {
            if (!leftSignatures.contains(matching.signature(sample.labels()))) {
                out.add(sample);
            }
        }
        return new InstantVector(out);
    }

    private static InstantVector unless(InstantVector left, InstantVector right, VectorMatching matching) {
        Set<Labels> rightSignatures = signatures(right, matching);
        return new InstantVector(left.samples().stream()
                .filter(sample -> !rightSignatures.contains(matching.signature(sample.labels())))
                .toList());
    }

    private static Set<Labels> signatures(InstantVector vector, VectorMatching matching) {
        Set<Labels> signatures = new HashSet<>();
        for (VectorSample sample : vector.samples()) {
            signatures.add(matching.signature(sample.labels()));
        }
        return signatures;
    }
}
