package dev.opsbot.tools.prometheus.promql;

/** The escape sequences of PromQL string literals, which are Go's (plus {@code \'} inside single quotes). */
final class StringEscapes {
    private StringEscapes() {}

    /**
     * Appends the character that the escape at {@code position} (just after the backslash) stands for.
     *
     * @return the position after the escape
     */
    static int unescape(String query, int position, char quote, StringBuilder out) {
        if (position >= query.length()) {
            throw PromqlException.invalid("unterminated escape at the end of the query");
        }
        char c = query.charAt(position);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case 'x' -> {
                return codePoint(query, position + 1, 2, 16, out);
            }
            case 'u' -> {
                return codePoint(query, position + 1, 4, 16, out);
            }
            case 'U' -> {
                return codePoint(query, position + 1, 8, 16, out);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                return codePoint(query, position, 3, 8, out);
            }
            default -> {
                if (c != quote) {
                    throw PromqlException.invalid("unknown escape \\" + c + " at char " + position);
                }
                out.append(c);
            }
        }
        return position + 1;
    }

    private static int codePoint(String query, int start, int digits, int radix, StringBuilder out) {
        int end = start + digits;
        if (end > query.length()) {
            throw PromqlException.invalid("incomplete escape at char " + start);
        }
        try {
            out.appendCodePoint(Integer.parseInt(query.substring(start, end), radix));
        } catch (IllegalArgumentException e) {
            throw PromqlException.invalid("invalid escape \"" + query.substring(start, end) + "\" at char " + start);
        }
        return end;
    }
}
