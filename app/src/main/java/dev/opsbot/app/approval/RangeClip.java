package dev.opsbot.app.approval;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens a query's range selectors ({@code rate(x[5m])}) to the time since a change, so that what is measured
 * after the change is only what happened after it. The triage's queries look five minutes back; evaluated a minute
 * after a rollback, {@code [5m]} would still be four fifths the incident, and a recovery would show only five minutes
 * later. Subqueries ({@code [5m:30s]}) are left as they are.
 */
final class RangeClip {
    private static final Pattern RANGE = Pattern.compile("\\[((?:\\d+(?:ms|[smhdwy]))+)]");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[smhdwy])");

    private RangeClip() {}

    static String clip(String promql, Duration atMost) {
        long limit = Math.max(1, atMost.toSeconds());
        Matcher range = RANGE.matcher(promql);
        StringBuilder clipped = new StringBuilder();
        while (range.find()) {
            long seconds = seconds(range.group(1));
            String replacement = seconds <= limit ? range.group() : "[" + limit + "s]";
            range.appendReplacement(clipped, Matcher.quoteReplacement(replacement));
        }
        range.appendTail(clipped);
        return clipped.toString();
    }

    private static long seconds(String duration) {
        Matcher part = PART.matcher(duration);
        long millis = 0;
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            millis += switch (part.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                case "d" -> n * 86_400_000;
                case "w" -> n * 7 * 86_400_000;
                default -> n * 365 * 86_400_000;
            };
        }
        return millis / 1000;
    }
}
