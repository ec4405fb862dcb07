package dev.opsbot.slack.outbound;

/**
 * Text made safe for Slack's {@code mrkdwn}. Slack reads {@code <…>} as a control sequence: {@code <!channel>} and
 * {@code <!here>} notify everyone, {@code <@U123>} mentions, {@code <https://a|b>} is a link that shows only "b". A
 * reply carries text opsbot did not write (log lines, event messages, the model's answer, memory, the question it
 * echoes), mixed into the same strings as opsbot's own {@code *bold*}, {@code `code`} and {@code :emoji:}, and
 * bot-core's blocks have no separate part for a mention or link of opsbot's own. So every text is escaped as Slack
 * asks ({@code &}, {@code <}, {@code >} as entities) and its light formatting still works; a mention or link
 * opsbot wants to make must be added by the renderer after escaping.
 *
 * <p>Escaping applies inside code spans and fences too: Slack still parses {@code <!channel>} there.
 */
final class SlackMrkdwn {
    private SlackMrkdwn() {}

    /**
     * {@code text} with {@code &}, {@code <} and {@code >} as {@code &amp;}, {@code &lt;} and {@code &gt;}. A
     * {@code >} that starts a line is kept: it is a block quote (opsbot quotes what it remembers), and with every
     * {@code <} escaped it cannot close a control sequence.
     */
    static String escape(String text) {
        return escape(text, true);
    }

    /** {@link #escape} for a text placed in the middle of a line, where a leading {@code >} is no quote. */
    static String escapeInline(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean startsLine) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> startsLine(text, i, startsLine) ? null : "&gt;";
                        default -> null;
                    };
            if (entity != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (entity != null) {
                    escaped.append(entity);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean startsLine(String text, int index, boolean textStartsLine) {
        return index == 0 ? textStartsLine : text.charAt(index - 1) == '\n';
    }
}
