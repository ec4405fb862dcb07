package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Teams refuses a whole message over its size limit (HTTP 413 {@code MessageSizeTooBig}: 40 KB counted as UTF-16,
 * pictures sent as base64 not counted), so one rendering stays well inside it: a text longer than {@link #MAX_TEXT}
 * is cut with "…", and blocks stop being added once the card's text would pass {@link #MAX_CARD}. It remembers
 * whether anything was left out, so the card can say so.
 */
final class CardBudget {
    static final int MAX_TEXT = 4_000;
    static final int MAX_CARD = 18_000;
    static final String ELLIPSIS = "…";

    private static final String LESS_THAN = "&lt;";

    private int used;
    private int cuts;

    /** {@code text}, cut to {@link #MAX_TEXT} characters when longer. */
    String fit(String text) {
        return fit(text, MAX_TEXT);
    }

    String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        cuts++;
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        int entity = text.lastIndexOf(LESS_THAN.charAt(0), end - 1);
        if (entity >= 0 && entity + LESS_THAN.length() > end && text.startsWith(LESS_THAN, entity)) {
            end = entity; // a message's escaped '<' (MarkdownEscape) is one character, not "&l"
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** Whether {@code elements} still fit; when they do, their size is counted. */
    boolean take(List<ObjectNode> elements) {
        int size = 0;
        for (ObjectNode element : elements) {
            size += element.toString().length() - element.path("url").asText("").length();
        }
        if (used + size > MAX_CARD) {
            cuts++;
            return false;
        }
        used += size;
        return true;
    }

    /** Something was cut or left out. */
    boolean shortened() {
        return cuts > 0;
    }

    int cuts() {
        return cuts;
    }
}
