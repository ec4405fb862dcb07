package dev.opsbot.tools.prometheus.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a PromQL query into tokens, with the rules of Prometheus' own lexer for numbers, durations and strings. */
final class Lexer {
    // Units in descending order, each at most once, as Prometheus' model.ParseDuration wants them.
    private static final Pattern DURATION =
            Pattern.compile("(?:\\d+y)?(?:\\d+w)?(?:\\d+d)?(?:\\d+h)?(?:\\d+m(?!s))?(?:\\d+s)?(?:\\d+ms)?");
    private static final Pattern NUMBER =
            Pattern.compile("0[xX][0-9a-fA-F]+|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private boolean insideBrackets;

    private Lexer(String query) {
        this.query = query;
    }

    static List<Token> tokenize(String query) {
        Lexer lexer = new Lexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (position >= query.length()) {
                tokens.add(new Token(TokenType.END, "", position + 1));
                return;
            }
            char c = query.charAt(position);
            if (Character.isDigit(c) || (c == '.' && position + 1 < query.length() && isDigit(position + 1))) {
                numberOrDuration();
            } else if (c == ':' && insideBrackets) {
                operator(c); // the colon of a subquery [range:step], not the start of a metric name
            } else if (isIdentifierStart(c)) {
                identifier();
            } else if (c == '"' || c == '\'' || c == '`') {
                string(c);
            } else {
                operator(c);
            }
        }
    }

    private void skipSpaceAndComments() {
        while (position < query.length()) {
            char c = query.charAt(position);
            if (c == '#') {
                while (position < query.length() && query.charAt(position) != '\n') {
                    position++;
                }
            } else if (Character.isWhitespace(c)) {
                position++;
            } else {
                return;
            }
        }
    }

    private void numberOrDuration() {
        int start = position;
        Matcher duration = DURATION.matcher(query).region(start, query.length());
        if (duration.lookingAt() && duration.end() > start && !isAlphanumeric(duration.end())) {
            position = duration.end();
            tokens.add(new Token(TokenType.DURATION, query.substring(start, position), start + 1));
            return;
        }
        Matcher number = NUMBER.matcher(query).region(start, query.length());
        if (!number.lookingAt() || isAlphanumeric(number.end())) {
            int end = start;
            while (end < query.length() && (isAlphanumeric(end) || query.charAt(end) == '.')) {
                end++;
            }
            throw PromqlException.invalid(
                    "bad number or duration \"" + query.substring(start, end) + "\" at char " + (start + 1));
        }
        position = number.end();
        tokens.add(new Token(TokenType.NUMBER, query.substring(start, position), start + 1));
    }

    private void identifier() {
        int start = position;
        while (position < query.length()
                && (isIdentifierStart(query.charAt(position)) || Character.isDigit(query.charAt(position)))) {
            position++;
        }
        String word = query.substring(start, position);
        String lower = word.toLowerCase(Locale.ROOT);
        TokenType type = lower.equals("inf") || lower.equals("nan") ? TokenType.NUMBER : TokenType.IDENTIFIER;
        tokens.add(new Token(type, word, start + 1));
    }

    private void string(char quote) {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= query.length() || (quote != '`' && query.charAt(position) == '\n')) {
                throw PromqlException.invalid("unterminated string starting at char " + (start + 1));
            }
            char c = query.charAt(position++);
            if (c == quote) {
                break;
            }
            if (c == '\\' && quote != '`') {
                position = StringEscapes.unescape(query, position, quote, value);
            } else {
                value.append(c);
            }
        }
        tokens.add(new Token(TokenType.STRING, value.toString(), start + 1));
    }

    private void operator(char c) {
        int start = position;
        char next = position + 1 < query.length() ? query.charAt(position + 1) : 0;
        TokenType type;
        int length = 1;
        switch (c) {
            case '(' -> type = TokenType.LEFT_PAREN;
            case ')' -> type = TokenType.RIGHT_PAREN;
            case '{' -> type = TokenType.LEFT_BRACE;
            case '}' -> type = TokenType.RIGHT_BRACE;
            case '[' -> {
                type = TokenType.LEFT_BRACKET;
                insideBrackets = true;
            }
            case ']' -> {
                type = TokenType.RIGHT_BRACKET;
                insideBrackets = false;
            }
            case ',' -> type = TokenType.COMMA;
            case ':' -> type = TokenType.COLON;
            case '@' -> type = TokenType.AT;
            case '+' -> type = TokenType.ADD;
            case '-' -> type = TokenType.SUB;
            case '*' -> type = TokenType.MUL;
            case '/' -> type = TokenType.DIV;
            case '%' -> type = TokenType.MOD;
            case '^' -> type = TokenType.POW;
            case '=' -> {
                type = next == '=' ? TokenType.EQUAL : next == '~' ? TokenType.REGEX_MATCH : TokenType.ASSIGN;
                length = type == TokenType.ASSIGN ? 1 : 2;
            }
            case '!' -> {
                if (next != '=' && next != '~') {
                    throw PromqlException.invalid("unexpected \"!\" at char " + (start + 1) + ": expected != or !~");
                }
                type = next == '=' ? TokenType.NOT_EQUAL : TokenType.REGEX_NO_MATCH;
                length = 2;
            }
            case '<' -> {
                type = next == '=' ? TokenType.LESS_OR_EQUAL : TokenType.LESS;
                length = next == '=' ? 2 : 1;
            }
            case '>' -> {
                type = next == '=' ? TokenType.GREATER_OR_EQUAL : TokenType.GREATER;
                length = next == '=' ? 2 : 1;
            }
            default -> throw PromqlException.invalid("unexpected character \"" + c + "\" at char " + (start + 1));
        }
        position += length;
        tokens.add(new Token(type, query.substring(start, position), start + 1));
    }

    private boolean isDigit(int index) {
        return Character.isDigit(query.charAt(index));
    }

    private boolean isAlphanumeric(int index) {
        if (index >= query.length()) {
            return false;
        }
        char c = query.charAt(index);
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
