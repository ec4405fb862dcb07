package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.Binary;
import dev.opsbot.tools.prometheus.promql.Expr.VectorSelector;
import java.util.List;

/** The static checks Prometheus' parser makes, with its wording, so that errors read the same from both sources. */
final class TypeChecks {
    private TypeChecks() {}

    static Binary binary(BinaryOperator operator, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) {
        if (returnBool && !operator.isComparison()) {
            throw PromqlException.invalid("bool modifier can only be used on comparison operators");
        }
        for (Expr side : List.of(lhs, rhs)) {
            if (side.type() != ValueType.SCALAR && side.type() != ValueType.VECTOR) {
                throw PromqlException.invalid("binary expression must contain only scalar and instant vector types");
            }
        }
        boolean bothVectors = lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR;
        boolean bothScalars = lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR;
        if (bothScalars && operator.isComparison() && !returnBool) {
            throw PromqlException.invalid("comparisons between scalars must use BOOL modifier");
        }
        if (matching != null && !bothVectors) {
            throw PromqlException.invalid("vector matching only allowed between instant vectors");
        }
        if (operator.isSetOperator() && !bothVectors) {
            throw PromqlException.invalid("set operator \"" + operator + "\" not allowed in binary scalar expression");
        }
        if (bothVectors && matching == null) {
            matching = VectorMatching.DEFAULT;
        }
        return new Binary(operator, lhs, rhs, returnBool, matching);
    }

    static void unary(Expr operand) {
        if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
            throw PromqlException.invalid(
                    "unary expression only allowed on expressions of type scalar or instant vector, got \""
                            + operand.type() + "\"");
        }
    }

    static void call(FunctionSpec function, List<Expr> args) {
        if (args.size() != function.parameters().size()) {
            throw PromqlException.invalid("expected " + function.parameters().size() + " argument(s) in call to \""
                    + function.name() + "\", got " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            require(function.parameters().get(i), args.get(i), "call to function \"" + function.name() + "\"");
        }
    }

    static void require(ValueType wanted, Expr expr, String context) {
        if (expr.type() != wanted) {
            throw PromqlException.invalid("expected type " + wanted + " in " + context + ", got " + expr.type());
        }
    }

    /** A selector needs one matcher that an absent label fails, or it would select every series there is. */
    static VectorSelector selector(String metricName, List<LabelMatcher> matchers) {
        if (metricName != null) {
            for (LabelMatcher matcher : matchers.subList(1, matchers.size())) {
                if (matcher.name().equals(Labels.METRIC_NAME)) {
                    throw PromqlException.invalid(
                            "metric name must not be set twice: \"" + metricName + "\" or \"" + matcher.value() + "\"");
                }
            }
        }
        if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
            throw PromqlException.invalid("vector selector must contain at least one non-empty matcher");
        }
        return new VectorSelector(matchers);
    }
}
