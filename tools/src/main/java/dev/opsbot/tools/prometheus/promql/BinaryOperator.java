package dev.opsbot.tools.prometheus.promql;

import java.util.Optional;

/** PromQL's binary operators, with their precedence (higher binds tighter) and Go's arithmetic. */
enum BinaryOperator {
    OR("or", 1),
    AND("and", 2),
    UNLESS("unless", 2),
    EQUAL("==", 3),
    NOT_EQUAL("!=", 3),
    LESS("<", 3),
    LESS_OR_EQUAL("<=", 3),
    GREATER(">", 3),
    GREATER_OR_EQUAL(">=", 3),
    ADD("+", 4),
    SUB("-", 4),
    MUL("*", 5),
    DIV("/", 5),
    MOD("%", 5),
    POW("^", 6);

    final String symbol;
    final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator that {@code token} spells, if it is one. */
    static Optional<BinaryOperator> at(Token token) {
        BinaryOperator operator =
                switch (token.type()) {
                    case ADD -> ADD;
                    case SUB -> SUB;
                    case MUL -> MUL;
                    case DIV -> DIV;
                    case MOD -> MOD;
                    case POW -> POW;
                    case EQUAL -> EQUAL;
                    case NOT_EQUAL -> NOT_EQUAL;
                    case LESS -> LESS;
                    case LESS_OR_EQUAL -> LESS_OR_EQUAL;
                    case GREATER -> GREATER;
                    case GREATER_OR_EQUAL -> GREATER_OR_EQUAL;
                    case IDENTIFIER ->
                        token.isKeyword("and")
                                ? AND
                                : token.isKeyword("or") ? OR : token.isKeyword("unless") ? UNLESS : null;
                    default -> null;
                };
        return Optional.ofNullable(operator);
    }

    boolean rightAssociative() {
        return this == POW;
    }

    boolean isComparison() {
        return precedence == 3;
    }

    boolean isSetOperator() {
        return this == AND || this == OR || this == UNLESS;
    }

    /** Arithmetic drops the metric name from its result; comparisons (without bool) and set operators keep it. */
    boolean dropsMetricName() {
        return precedence >= 4;
    }

    /** The value of {@code lhs op rhs} for an arithmetic operator. */
    double arithmetic(double lhs, double rhs) {
        return switch (this) {
            case ADD -> lhs + rhs;
            case SUB -> lhs - rhs;
            case MUL -> lhs * rhs;
            case DIV -> lhs / rhs;
            case MOD -> lhs % rhs; // Java's % on doubles is C's fmod, as is Go's math.Mod.
            case POW -> goPow(lhs, rhs);
            default -> throw new IllegalStateException(symbol + " is not arithmetic");
        };
    }

    /** Whether {@code lhs op rhs} holds for a comparison operator; any comparison with NaN but != is false. */
    boolean compare(double lhs, double rhs) {
        return switch (this) {
            case EQUAL -> lhs == rhs;
            case NOT_EQUAL -> lhs != rhs;
            case LESS -> lhs < rhs;
            case LESS_OR_EQUAL -> lhs <= rhs;
            case GREATER -> lhs > rhs;
            case GREATER_OR_EQUAL -> lhs >= rhs;
            default -> throw new IllegalStateException(symbol + " is not a comparison");
        };
    }

    /** Go's math.Pow, which differs from Java's for a base of 1 or -1 with a NaN or infinite exponent. */
    private static double goPow(double base, double exponent) {
        if (base == 1 || (base == -1 && Double.isInfinite(exponent))) {
            return 1;
        }
        return Math.pow(base, exponent);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
