package dev.opsbot.tools.prometheus.promql;

import java.util.List;

/** A parsed PromQL expression. Each node knows its static type, which the parser checks as Prometheus does. */
sealed interface Expr {
    ValueType type();

    record NumberLiteral(double value) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.SCALAR;
        }
    }

    record StringLiteral(String value) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    record VectorSelector(List<LabelMatcher> matchers) implements Expr {
        public VectorSelector {
            matchers = List.copyOf(matchers);
        }

        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }
    }

    record MatrixSelector(VectorSelector selector, long rangeMillis) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    record Parenthesized(Expr inner) implements Expr {
        @Override
        public ValueType type() {
            return inner.type();
        }
    }

    /** Unary minus; unary plus is dropped by the parser, as it changes nothing. */
    record Negation(Expr operand) implements Expr {
        @Override
        public ValueType type() {
            return operand.type();
        }
    }

    record Call(FunctionSpec function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public ValueType type() {
            return function.returns();
        }
    }

    record Aggregation(AggregationOperator operator, List<String> grouping, boolean without, Expr operand)
            implements Expr {
        public Aggregation {
            grouping = List.copyOf(grouping);
        }

        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }
    }

    /** A binary operation; {@code matching} is null unless both sides are instant vectors. */
    record Binary(BinaryOperator operator, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching)
            implements Expr {
        @Override
        public ValueType type() {
            return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
                    ? ValueType.SCALAR
                    : ValueType.VECTOR;
        }
    }
}
