package dev.opsbot.slack.outbound;

import java.util.List;

/** Slack's size limits for text, and the one way opsbot shortens text that does not fit. */
final class SlackText {
    /** A section's or context element's text. */
    static final int SECTION = 3_000;
    /** One of a section's fields. */
    static final int FIELD = 2_000;
    /** A header's plain text. */
    static final int HEADER = 150;
    /** A button's value. */
    static final int BUTTON_VALUE = 2_000;
    /** The top-level {@code text} fallback of a message. */
    static final int MESSAGE = 40_000;

    static final String ELLIPSIS = "…";

    private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;");
    private static final int LONGEST_ENTITY = "&amp;".length();

    private SlackText() {}

    /**
     * {@code text} cut to {@code max} characters, the last being "…", when it is longer. Texts arrive escaped
     * ({@link SlackMrkdwn}), so the cut never splits an entity: half of {@code &amp;} would show as raw text.
     */
    static String fit(String text, int max, Truncations truncations) {
        if (text.length() <= max) {
            return text;
        }
        truncations.note();
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji or other supplementary character in half
        }
        end = beforeSplitEntity(text, end);
        return text.substring(0, end) + ELLIPSIS;
    }

    /** {@code end}, or where the entity it would cut starts. */
    private static int beforeSplitEntity(String text, int end) {
        int amp = text.lastIndexOf('&', end - 1);
        if (amp < 0 || end - amp >= LONGEST_ENTITY) {
            return end;
        }
        for (String entity : ENTITIES) {
            if (text.startsWith(entity, amp) && amp + entity.length() > end) {
                return amp;
            }
        }
        return end;
    }

    /** Counts what one rendering had to shorten, so the message can say so. */
    static final class Truncations {
        private int count;

        void note() {
            count++;
        }

        int count() {
            return count;
        }
    }
}
