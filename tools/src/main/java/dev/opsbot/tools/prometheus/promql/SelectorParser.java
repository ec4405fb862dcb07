package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Expr.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code name{label="value", ...}}, {@code name} or {@code {...}}, and label names wherever they appear. */
final class SelectorParser {
    private SelectorParser() {}

    /**
     * A selector whose metric name (or null) has been read already; the braces, if any, come next. A trailing comma
     * inside the braces is allowed, as in Prometheus.
     */
    static VectorSelector selector(TokenStream tokens, String metricName, PromqlDialect dialect) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (metricName != null) {
            matchers.add(LabelMatcher.of(Labels.METRIC_NAME, LabelMatcher.Type.EQUAL, metricName, dialect));
            if (!tokens.peek().is(TokenType.LEFT_BRACE)) {
                return TypeChecks.selector(metricName, matchers);
            }
            tokens.next();
        }
        while (!tokens.peek().is(TokenType.RIGHT_BRACE)) {
            matchers.add(matcher(tokens, dialect));
            if (!tokens.skipComma()) {
                break;
            }
        }
        tokens.expect(TokenType.RIGHT_BRACE, "\",\" or \"}\" in the label matchers");
        return TypeChecks.selector(metricName, matchers);
    }

    /** {@code (name, name, ...)} after by, without, on or ignoring; a trailing comma allowed. */
    static List<String> labelList(TokenStream tokens) {
        tokens.expect(TokenType.LEFT_PAREN, "\"(\" before the label names");
        List<String> labels = new ArrayList<>();
        while (!tokens.peek().is(TokenType.RIGHT_PAREN)) {
            labels.add(labelName(tokens.next()));
            if (!tokens.skipComma()) {
                break;
            }
        }
        tokens.expect(TokenType.RIGHT_PAREN, "\",\" or \")\" in the label list");
        return labels;
    }

    private static LabelMatcher matcher(TokenStream tokens, PromqlDialect dialect) {
        String name = labelName(tokens.next());
        Token operator = tokens.next();
        LabelMatcher.Type type =
                switch (operator.type()) {
                    case ASSIGN -> LabelMatcher.Type.EQUAL;
                    case NOT_EQUAL -> LabelMatcher.Type.NOT_EQUAL;
                    case REGEX_MATCH -> LabelMatcher.Type.REGEX;
                    case REGEX_NO_MATCH -> LabelMatcher.Type.NOT_REGEX;
                    default -> throw TokenStream.unexpected(operator, "=, !=, =~ or !~ after the label " + name);
                };
        Token value = tokens.expect(TokenType.STRING, "a quoted label value");
        return LabelMatcher.of(name, type, value.text(), dialect);
    }

    /** Label names, unlike metric names, cannot hold a colon. */
    private static String labelName(Token token) {
        if (!token.is(TokenType.IDENTIFIER) || token.text().indexOf(':') >= 0) {
            throw PromqlException.invalid(
                    "expected a label name at char " + token.position() + ", found " + token.describe());
        }
        return token.text();
    }
}
