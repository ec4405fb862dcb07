package dev.opsbot.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in YAML ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}) and
 * as ISO-8601 ({@code PT30S}). A bare number is refused: "lease: 2" could mean seconds or minutes, and guessing
 * wrong would hold work for an hour or a second.
 */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    static final String FIX = "use a number with a unit (250ms, 30s, 5m, 1h) or ISO-8601 such as PT30S";

    private Durations() {}

    static Duration parse(String key, String text) {
        String trimmed = text.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("P")) {
            try {
                return Duration.parse(upper);
            } catch (DateTimeParseException e) {
                throw new ConfigException(key, text, "is not a duration", FIX);
            }
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new ConfigException(key, text, "is not a duration", FIX);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        try {
            while (part.find()) {
                total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(key, text, "is too long a duration", FIX);
        }
        return total;
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The short form people write ({@code 2m}, {@code 1h30m}, {@code 250ms}), so messages echo their own notation. */
    static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, duration.toHours(), "h");
        append(out, duration.toMinutesPart(), "m");
        append(out, duration.toSecondsPart(), "s");
        append(out, duration.toMillisPart(), "ms");
        return out.isEmpty() ? duration.toString() : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(amount).append(unit);
        }
    }
}
