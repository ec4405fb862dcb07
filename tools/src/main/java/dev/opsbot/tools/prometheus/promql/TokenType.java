package dev.opsbot.tools.prometheus.promql;

/** The kinds of PromQL token. Keywords (sum, by, and, bool, ...) are identifiers; the parser reads them in context. */
enum TokenType {
    IDENTIFIER,
    NUMBER,
    DURATION,
    STRING,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACE,
    RIGHT_BRACE,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    COLON,
    AT,
    ASSIGN,
    REGEX_MATCH,
    REGEX_NO_MATCH,
    ADD,
    SUB,
    MUL,
    DIV,
    MOD,
    POW,
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    END
}
