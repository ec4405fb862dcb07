package dev.opsbot.tools.prometheus.promql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number and duration literals, read as Prometheus reads them. */
final class Numbers {
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
    };
    private static final Pattern OCTAL = Pattern.compile("0[0-7]+");

    private Numbers() {}

    /**
     * A number literal: decimal, hexadecimal ({@code 0x1f}), octal ({@code 010} is 8, as Go's ParseInt with base 0
     * reads it), {@code Inf} or {@code NaN}.
     */
    static double parseLiteral(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (OCTAL.matcher(text).matches()) {
                return Long.parseLong(text, 8);
            }
            return GoFloat.parse(text);
        } catch (NumberFormatException e) {
            throw PromqlException.invalid("error parsing number \"" + text + "\": " + e.getMessage());
        }
    }

    /** A duration such as {@code 5m} or {@code 1h30m}, in milliseconds; units descend and appear at most once. */
    static long parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw PromqlException.invalid("not a valid duration string: \"" + text + "\"");
        }
        long millis = 0;
        try {
            for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
                String amount = matcher.group(unit + 1);
                if (amount != null) {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(amount), UNIT_MILLIS[unit]));
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw PromqlException.invalid("duration out of range: \"" + text + "\"");
        }
        if (millis <= 0) {
            throw PromqlException.invalid("range must be greater than 0: \"" + text + "\"");
        }
        return millis;
    }
}
