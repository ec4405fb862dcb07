package dev.opsbot.memory.runbooks.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter some markdown starts with ({@code ---} lines around {@code key: value} lines), of which only
 * {@code service:} is read: the service a runbook is about. A file without one is about the whole team (its sections
 * may still name services).
 *
 * @param service the declared service, or null
 * @param bodyStart the index of the first line after the front matter (0 without one)
 */
record FrontMatter(String service, int bodyStart) {
    /** Front matter is short; a {@code ---} with no closing line soon after is a thematic break, not front matter. */
    private static final int MAX_LINES = 50;

    private static final Pattern SERVICE = Pattern.compile("^service\\s*:\\s*(.*?)\\s*$");

    static FrontMatter of(List<String> lines) {
        if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) {
            return new FrontMatter(null, 0);
        }
        String service = null;
        for (int i = 1; i < lines.size() && i <= MAX_LINES; i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                return new FrontMatter(service, i + 1);
            }
            Matcher m = SERVICE.matcher(line);
            if (m.matches()) {
                service = value(m.group(1));
            }
        }
        return new FrontMatter(null, 0);
    }

    private static String value(String raw) {
        String value = raw;
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment).strip();
        }
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1).strip();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return value.isEmpty() || lower.equals("~") || lower.equals("null") ? null : value;
    }
}
