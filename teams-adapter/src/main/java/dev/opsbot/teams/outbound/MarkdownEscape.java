package dev.opsbot.teams.outbound;

/**
 * Text opsbot did not write (log lines, event messages, the model's answer, memory) made inert in Teams Markdown:
 * no link ({@code [runbook](https://evil.example)}), no image ({@code ![x](…)}), no autolink or HTML
 * ({@code <img src=x>}). It arrives mixed into the same strings as opsbot's own {@code *bold*}, {@code `code`} and
 * {@code :emoji:}, so emphasis is left alone (it can only change how text looks) and only what can link or
 * inject markup is escaped:
 *
 * <ul>
 *   <li>{@code [} and {@code ]} get a backslash, and so does a {@code (} right after a {@code ]}: clients that honour
 *       backslash escapes (CommonMark) show the brackets, and the Adaptive Cards mobile parser, which ignores
 *       them, still finds no {@code ](} to make a link of;
 *   <li>{@code <} gets a backslash in a card (the mobile parser escapes HTML itself, and {@code &lt;} would show as
 *       such there) and is {@code &lt;} in a message, where it stays text whether or not Teams honours backslashes
 *       or lets HTML through;
 *   <li>a backslash before punctuation is doubled, so the text cannot undo an escape.
 * </ul>
 *
 * <p>Inside a code span on a single line (opsbot's own {@code `@opsbot remember <what you learned>`}) nothing is
 * parsed, so only {@code ](} is broken there. Across lines, where a client may pair backticks differently, every
 * character is escaped.
 */
final class MarkdownEscape {
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownEscape() {}

    /** {@code text} for an Adaptive Card's {@code TextBlock} or fact. */
    static String card(String text) {
        return escape(text, "\\<");
    }

    /** {@code line}, one line of a Markdown message. */
    static String messageLine(String line) {
        return escape(line, "&lt;");
    }

    private static String escape(String text, String lessThan) {
        boolean[] code = text.indexOf('\n') < 0 ? codeSpans(text) : new boolean[text.length()];
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && i > 0 && text.charAt(i - 1) == ']') {
                out.append("\\(");
            } else if (code[i]) {
                out.append(c);
            } else {
                switch (c) {
                    case '[', ']' -> out.append('\\').append(c);
                    case '<' -> out.append(lessThan);
                    case '\\' -> out.append(escapesNext(text, i) ? "\\\\" : "\\");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static boolean escapesNext(String text, int backslash) {
        return backslash + 1 < text.length() && ASCII_PUNCTUATION.indexOf(text.charAt(backslash + 1)) >= 0;
    }

    /**
     * Which characters of one line sit inside a code span, paired as CommonMark pairs them: a run of backticks
     * opens a span that the next run of the same length closes; a run with no partner is literal. Backslashes do
     * not matter here, because outside spans every one before a backtick is doubled and inside they are literal.
     */
    private static boolean[] codeSpans(String line) {
        boolean[] inside = new boolean[line.length()];
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int openEnd = runEnd(line, i);
            int length = openEnd - i;
            int close = closingRun(line, openEnd, length);
            if (close < 0) {
                i = openEnd;
                continue;
            }
            for (int k = openEnd; k < close; k++) {
                inside[k] = true;
            }
            i = close + length;
        }
        return inside;
    }

    private static int closingRun(String line, int from, int length) {
        int i = from;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int end = runEnd(line, i);
            if (end - i == length) {
                return i;
            }
            i = end;
        }
        return -1;
    }

    private static int runEnd(String line, int start) {
        int end = start;
        while (end < line.length() && line.charAt(end) == '`') {
            end++;
        }
        return end;
    }
}
