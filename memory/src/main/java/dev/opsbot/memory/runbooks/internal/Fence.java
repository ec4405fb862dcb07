package dev.opsbot.memory.runbooks.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block's opening line (CommonMark: three or more backticks or tildes, indented at most three spaces),
 * and whether a later line closes it (the same character, at least as many, nothing after but spaces). Inside, a line
 * starting with {@code #} is code (a shell comment), not a heading.
 */
record Fence(char marker, int length) {
    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /** The fence {@code line} opens, or null. */
    static Fence opening(String line) {
        Matcher m = OPENING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String run = m.group(1);
        if (run.charAt(0) == '`' && m.group(2).indexOf('`') >= 0) {
            return null; // inline code such as ```a``` is not a fence
        }
        return new Fence(run.charAt(0), run.length());
    }

    boolean closedBy(String line) {
        String stripped = line.stripTrailing();
        int indent = 0;
        while (indent < stripped.length() && indent < 4 && stripped.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3) {
            return false;
        }
        int run = stripped.length() - indent;
        if (run < length) {
            return false;
        }
        for (int i = indent; i < stripped.length(); i++) {
            if (stripped.charAt(i) != marker) {
                return false;
            }
        }
        return true;
    }
}
