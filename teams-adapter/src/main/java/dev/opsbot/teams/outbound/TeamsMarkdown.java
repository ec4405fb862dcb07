package dev.opsbot.teams.outbound;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * opsbot's light Markdown (Slack's: {@code *bold*}, {@code :emoji:} short names) as Teams Markdown: {@code **bold**},
 * the emoji itself. {@code _italic_} and {@code `code`} mean the same in both. Short names not listed here are left as
 * they are.
 *
 * <p>The texts carry words opsbot did not write, so links and markup in them are escaped first ({@link
 * MarkdownEscape}). That includes Slack's {@code <url|label>}: nothing in a reply tells opsbot's own link from one in a
 * log line, so none becomes a Teams link; only the plain-text fallback spells it out as "label (url)".
 */
final class TeamsMarkdown {
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]*?\\S)\\*(?![\\w*])");
    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+-]+):");
    private static final Pattern LINK = Pattern.compile("<(https?://[^|>\\s]+)\\|([^>]+)>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?<!\n)\n(?!\n)");

    /** The short names opsbot's own texts use. */
    private static final Map<String, String> EMOJIS = Map.ofEntries(
            Map.entry("+1", "👍"),
            Map.entry("-1", "👎"),
            Map.entry("alarm_clock", "⏰"),
            Map.entry("ballot_box_with_check", "☑️"),
            Map.entry("brain", "🧠"),
            Map.entry("clipboard", "📋"),
            Map.entry("eyes", "👀"),
            Map.entry("grey_question", "❔"),
            Map.entry("hammer_and_wrench", "🛠️"),
            Map.entry("hourglass", "⌛"),
            Map.entry("hourglass_flowing_sand", "⏳"),
            Map.entry("information_source", "ℹ️"),
            Map.entry("leftwards_arrow_with_hook", "↩️"),
            Map.entry("mag", "🔍"),
            Map.entry("no_entry", "⛔"),
            Map.entry("no_entry_sign", "🚫"),
            Map.entry("raising_hand", "🙋"),
            Map.entry("red_circle", "🔴"),
            Map.entry("thread", "🧵"),
            Map.entry("warning", "⚠️"),
            Map.entry("wastebasket", "🗑️"),
            Map.entry("white_check_mark", "✅"),
            Map.entry("x", "❌"),
            Map.entry("zzz", "💤"));

    private TeamsMarkdown() {}

    /** {@code text} in Teams Markdown, for a card's {@code TextBlock} or fact. */
    static String of(String text) {
        return formatted(MarkdownEscape.card(text));
    }

    private static String formatted(String escaped) {
        return emoji(BOLD.matcher(escaped).replaceAll("**$1**"));
    }

    private static String emoji(String text) {
        return EMOJI.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(EMOJIS.getOrDefault(match.group(1), match.group())));
    }

    /**
     * {@code text} as plain text (a card's fallback, a message's summary): emoji kept, emphasis markers dropped, a
     * Slack-style link spelled out with its address, so it hides nothing.
     */
    static String plain(String text) {
        String converted = LINK.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(2) + " (" + match.group(1) + ")"));
        converted = BOLD.matcher(converted).replaceAll("$1");
        return emoji(converted);
    }

    /**
     * {@code text} as a message's Markdown body: Teams joins lines split by a single line break, so each becomes a
     * paragraph break.
     */
    static String message(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = formatted(MarkdownEscape.messageLine(lines[i]));
        }
        return LINE_BREAK.matcher(String.join("\n", lines)).replaceAll("\n\n");
    }
}
