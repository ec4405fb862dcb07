package dev.opsbot.tools.prometheus.promql;

/**
 * One token of a query.
 *
 * @param text the source text, or for a string literal its unquoted value
 * @param position 1-based character position in the query, for messages
 */
record Token(TokenType type, String text, int position) {
    boolean is(TokenType wanted) {
        return type == wanted;
    }

    /** Whether this is the identifier {@code keyword}, compared case-insensitively as PromQL's keywords are. */
    boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return switch (type) {
            case END -> "end of the query";
            case STRING -> "a string";
            default -> "\"" + text + "\"";
        };
    }
}
