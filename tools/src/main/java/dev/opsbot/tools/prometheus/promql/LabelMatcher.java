package dev.opsbot.tools.prometheus.promql;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code label op "value"} of a selector. Regular expressions are anchored at both ends, as in Prometheus; a label
 * that a series lacks has the value {@code ""}.
 */
record LabelMatcher(String name, Type type, String value, Pattern pattern) {
    enum Type {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }
    }

    static LabelMatcher of(String name, Type type, String value, PromqlDialect dialect) {
        Pattern pattern = type == Type.REGEX || type == Type.NOT_REGEX ? compile(value, dialect) : null;
        return new LabelMatcher(name, type, value, pattern);
    }

    boolean matches(String actual) {
        return switch (type) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** Whether a series without this label would match, which Prometheus forbids as a selector's only kind. */
    boolean matchesEmpty() {
        return matches("");
    }

    /**
     * Compiles Go's RE2 syntax as Java's: the two agree on what matchers use in practice; Go's named groups are
     * rewritten. In Prometheus 2 "." stops at a newline; in Prometheus 3 it matches one.
     */
    private static Pattern compile(String regex, PromqlDialect dialect) {
        int flags = dialect.version3() ? Pattern.DOTALL : Pattern.UNIX_LINES;
        try {
            return Pattern.compile("(?:" + regex.replace("(?P<", "(?<") + ")", flags);
        } catch (PatternSyntaxException e) {
            throw PromqlException.invalid("invalid regular expression \"" + regex + "\": " + e.getDescription());
        }
    }

    @Override
    public String toString() {
        return name + type.symbol + '"' + value + '"';
    }
}
