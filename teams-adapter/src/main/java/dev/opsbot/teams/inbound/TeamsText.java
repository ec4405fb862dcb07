package dev.opsbot.teams.inbound;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Teams message's text as opsbot reads it. Teams writes a mention into the text as {@code <at>name</at>} and often
 * wraps the rest in HTML ({@code <p>}, {@code <div>}, {@code &nbsp;}); opsbot wants the words.
 */
final class TeamsText {
    /**
     * Only the tags Teams writes: a user's "grep <pod-name>" that Teams did not escape is not a tag and stays.
     */
    private static final Pattern TAG = Pattern.compile(
            "</?(?:at|p|div|span|br|b|i|u|s|em|strong|strike|del|ins|sup|sub|a|font|pre|code|blockquote|ul|ol|li"
                    + "|h[1-6]|hr|img|table|thead|tbody|tr|td|th|emoji|systemtag)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LINE_BREAK =
            Pattern.compile("<br\\s*/?>|</(?:p|div|li|tr|h[1-6]|pre|blockquote)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TeamsText() {}

    /**
     * {@code text} without the mentions in {@code mentions} (each as Teams wrote it, {@code <at>opsbot</at>}) and
     * without HTML; other people's mentions keep their names.
     */
    static String withoutMentions(String text, Collection<String> mentions) {
        if (text == null) {
            return "";
        }
        String stripped = text;
        for (String mention : mentions) {
            if (mention != null && !mention.isEmpty()) {
                stripped = stripped.replace(mention, " ");
            }
        }
        return plain(stripped);
    }

    /** The words of a Teams message: line breaks for block tags, no other tags, entities decoded, spaces tidied. */
    static String plain(String html) {
        String text = LINE_BREAK.matcher(html).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text).replace("\r\n", "\n");
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            lines.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    /** One pass, so an escaped entity ({@code &amp;lt;}) stays text ({@code &lt;}). */
    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.startsWith("#")) {
            boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
            int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) ? Character.toString(code) : original;
        }
        return switch (entity) {
            case "nbsp" -> " ";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> original;
        };
    }
}
