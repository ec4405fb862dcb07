package dev.opsbot.memory.runbooks.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ATX heading line ({@code ## OOMKilled}, CommonMark's rules): its level and its text without the #s. */
record Heading(int level, String text) {
    /** One to six #s after at most three spaces, then a space or the line's end: {@code #5xx} is a word. */
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*))?$");
    /** An optional closing run of #s ({@code ## OOMKilled ##}), which needs a space before it ({@code C#} stays). */
    private static final Pattern CLOSING = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");

    /** The heading {@code line} is, or null. */
    static Heading parse(String line) {
        Matcher m = ATX.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String text = m.group(2) == null ? "" : CLOSING.matcher(m.group(2)).replaceFirst("");
        return new Heading(m.group(1).length(), text.strip());
    }
}
