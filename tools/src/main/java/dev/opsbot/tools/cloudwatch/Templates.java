package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} (or {@code $name}) placeholders; a placeholder without a value is a BAD_REQUEST naming it.
 */
final class Templates {
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}|\\$([A-Za-z][A-Za-z0-9_]*)");

    private Templates() {}

    static String fill(String template, Map<String, String> values, String usedFor) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = values.get(name);
            if (value == null || value.isEmpty()) {
                throw new SourceFailure(
                        CloudWatchSignals.SOURCE,
                        SourceFailure.Kind.BAD_REQUEST,
                        "no value for ${" + name + "} in " + usedFor
                                + (values.containsKey("service") ? " for " + values.get("service") : "")
                                + " (set it in the cloudwatch configuration)",
                        null);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
