package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.Aggregation;
import dev.opsbot.tools.prometheus.promql.Expr.Call;
import dev.opsbot.tools.prometheus.promql.Expr.MatrixSelector;
import dev.opsbot.tools.prometheus.promql.Expr.Negation;
import dev.opsbot.tools.prometheus.promql.Expr.NumberLiteral;
import dev.opsbot.tools.prometheus.promql.Expr.Parenthesized;
import dev.opsbot.tools.prometheus.promql.Expr.StringLiteral;
import dev.opsbot.tools.prometheus.promql.Expr.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the PromQL subset, with Prometheus' operator precedence and the type checks its own
 * parser makes, so that a query refused here would be refused by Prometheus too (or is outside the subset, and says
 * so).
 */
final class Parser {
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "atan2",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset");

    private final TokenStream tokens;
    private final PromqlDialect dialect;

    private Parser(TokenStream tokens, PromqlDialect dialect) {
        this.tokens = tokens;
        this.dialect = dialect;
    }

    static Expr parse(String query, PromqlDialect dialect) {
        if (query.isBlank()) {
            throw PromqlException.invalid("the query is empty");
        }
        TokenStream tokens = new TokenStream(Lexer.tokenize(query));
        Expr expr = new Parser(tokens, dialect).expression(0);
        if (!tokens.peek().is(TokenType.END)) {
            throw TokenStream.unexpected(tokens.peek(), "an operator or the end of the query");
        }
        return expr;
    }

    private Expr expression(int minPrecedence) {
        Expr lhs = unary();
        while (true) {
            Token token = tokens.peek();
            if (token.isKeyword("atan2")) {
                throw PromqlException.unsupported("the atan2 operator");
            }
            BinaryOperator operator = BinaryOperator.at(token).orElse(null);
            if (operator == null || operator.precedence < minPrecedence) {
                return lhs;
            }
            tokens.next();
            boolean returnBool = false;
            if (tokens.peek().isKeyword("bool")) {
                tokens.next();
                returnBool = true;
            }
            VectorMatching matching = vectorMatching();
            int rhsPrecedence = operator.rightAssociative() ? operator.precedence : operator.precedence + 1;
            Expr rhs = expression(rhsPrecedence);
            lhs = TypeChecks.binary(operator, lhs, rhs, returnBool, matching);
        }
    }

    /** Unary minus binds tighter than * and / but looser than ^, so -2^2 is -4. */
    private Expr unary() {
        Token token = tokens.peek();
        if (!token.is(TokenType.ADD) && !token.is(TokenType.SUB)) {
            return postfix(primary());
        }
        tokens.next();
        Expr operand = expression(BinaryOperator.POW.precedence);
        TypeChecks.unary(operand);
        if (token.is(TokenType.ADD)) {
            return operand;
        }
        return operand instanceof NumberLiteral number ? new NumberLiteral(-number.value()) : new Negation(operand);
    }

    private Expr primary() {
        Token token = tokens.next();
        return switch (token.type()) {
            case NUMBER -> new NumberLiteral(Numbers.parseLiteral(token.text()));
            case STRING -> new StringLiteral(token.text());
            case LEFT_PAREN -> {
                Expr inner = expression(0);
                tokens.expect(TokenType.RIGHT_PAREN, "\")\"");
                yield new Parenthesized(inner);
            }
            case LEFT_BRACE -> SelectorParser.selector(tokens, null, dialect);
            case IDENTIFIER -> identifier(token);
            case DURATION ->
                throw PromqlException.invalid("unexpected duration \"" + token.text() + "\" at char " + token.position()
                        + ": durations belong inside [...]");
            default -> throw TokenStream.unexpected(token, "an expression");
        };
    }

    private Expr identifier(Token token) {
        String lower = token.text().toLowerCase(Locale.ROOT);
        boolean opensAggregation = tokens.peek().is(TokenType.LEFT_PAREN)
                || tokens.peek().isKeyword("by")
                || tokens.peek().isKeyword("without");
        if (opensAggregation) {
            var operator = AggregationOperator.named(lower);
            if (operator.isPresent()) {
                return aggregation(operator.get());
            }
            if (AggregationOperator.UNSUPPORTED.contains(lower)) {
                throw PromqlException.unsupported("the aggregation " + lower + "()");
            }
        }
        if (tokens.peek().is(TokenType.LEFT_PAREN)) {
            return call(token);
        }
        if (KEYWORDS.contains(lower)) {
            throw TokenStream.unexpected(token, "an expression");
        }
        return SelectorParser.selector(tokens, token.text(), dialect);
    }

    private Expr aggregation(AggregationOperator operator) {
        Grouping grouping = grouping();
        tokens.expect(TokenType.LEFT_PAREN, "\"(\" after " + operator);
        Expr operand = expression(0);
        if (tokens.peek().is(TokenType.COMMA)) {
            rejectTrailingComma(tokens.next());
            throw PromqlException.unsupported("a parameter to " + operator + "()");
        }
        tokens.expect(TokenType.RIGHT_PAREN, "\")\"");
        if (grouping == null) {
            grouping = grouping();
        }
        TypeChecks.require(ValueType.VECTOR, operand, "aggregation expression");
        return grouping == null
                ? new Aggregation(operator, List.of(), false, operand)
                : new Aggregation(operator, grouping.labels(), grouping.without(), operand);
    }

    private record Grouping(boolean without, List<String> labels) {}

    private Grouping grouping() {
        if (tokens.peek().isKeyword("by") || tokens.peek().isKeyword("without")) {
            boolean without = tokens.next().isKeyword("without");
            return new Grouping(without, SelectorParser.labelList(tokens));
        }
        return null;
    }

    private VectorMatching vectorMatching() {
        VectorMatching matching = null;
        if (tokens.peek().isKeyword("on") || tokens.peek().isKeyword("ignoring")) {
            boolean on = tokens.next().isKeyword("on");
            matching = new VectorMatching(on, SelectorParser.labelList(tokens));
        }
        if (tokens.peek().isKeyword("group_left") || tokens.peek().isKeyword("group_right")) {
            throw PromqlException.unsupported(tokens.peek().text() + " (many-to-one matching)");
        }
        return matching;
    }

    private Expr call(Token name) {
        FunctionSpec function = Functions.named(name.text());
        tokens.expect(TokenType.LEFT_PAREN, "\"(\"");
        List<Expr> args = new ArrayList<>();
        while (!tokens.peek().is(TokenType.RIGHT_PAREN)) {
            args.add(expression(0));
            if (!tokens.peek().is(TokenType.COMMA)) {
                break;
            }
            rejectTrailingComma(tokens.next());
        }
        tokens.expect(TokenType.RIGHT_PAREN, "\",\" or \")\" in the call to " + name.text() + "()");
        TypeChecks.call(function, args);
        return new Call(function, args);
    }

    /** A range {@code [5m]} after a selector; offset, @ and subqueries are outside the subset. */
    private Expr postfix(Expr expr) {
        if (tokens.peek().is(TokenType.LEFT_BRACKET)) {
            Token bracket = tokens.next();
            Token duration = tokens.next();
            if (!duration.is(TokenType.DURATION)) {
                throw TokenStream.unexpected(duration, "a duration such as 5m");
            }
            if (tokens.peek().is(TokenType.COLON)) {
                throw PromqlException.unsupported("a subquery ([range:step])");
            }
            tokens.expect(TokenType.RIGHT_BRACKET, "\"]\"");
            if (!(expr instanceof VectorSelector selector)) {
                throw PromqlException.invalid(
                        "ranges only allowed for vector selectors (the \"[\" at char " + bracket.position() + ")");
            }
            expr = new MatrixSelector(selector, Numbers.parseDuration(duration.text()));
        }
        if (tokens.peek().isKeyword("offset")) {
            throw PromqlException.unsupported("the offset modifier");
        }
        if (tokens.peek().is(TokenType.AT)) {
            throw PromqlException.unsupported("the @ modifier");
        }
        if (tokens.peek().is(TokenType.LEFT_BRACKET)) {
            return postfix(expr);
        }
        return expr;
    }

    private void rejectTrailingComma(Token comma) {
        if (tokens.peek().is(TokenType.RIGHT_PAREN)) {
            throw PromqlException.invalid(
                    "trailing commas not allowed in function call args (the \",\" at char " + comma.position() + ")");
        }
    }
}
