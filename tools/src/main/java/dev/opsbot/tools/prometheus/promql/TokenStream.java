package dev.opsbot.tools.prometheus.promql;

import java.util.List;

/** The tokens of a query with a cursor, and the parsers' shared way of saying what they expected instead. */
final class TokenStream {
    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The current token, moving past it (the end token stays current). */
    Token next() {
        Token token = tokens.get(index);
        if (!token.is(TokenType.END)) {
            index++;
        }
        return token;
    }

    /** Moves past a token of {@code type}, or fails saying that {@code what} was expected. */
    Token expect(TokenType type, String what) {
        Token token = next();
        if (!token.is(type)) {
            throw unexpected(token, what);
        }
        return token;
    }

    /** Moves past a comma if there is one, telling whether there was. */
    boolean skipComma() {
        if (peek().is(TokenType.COMMA)) {
            next();
            return true;
        }
        return false;
    }

    static PromqlException unexpected(Token token, String expected) {
        return PromqlException.invalid(
                "unexpected " + token.describe() + " at char " + token.position() + ": expected " + expected);
    }
}
