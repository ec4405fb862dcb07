package dev.opsbot.tools.prometheus.promql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and writes numbers the way Prometheus (Go's {@code strconv}) does, because the in-memory evaluator and a real
 * Prometheus must agree on what {@code "+Inf"}, {@code "nan"} or {@code "1e400"} mean. Java's own parser would also
 * accept {@code "1d"}, {@code "0x1p3"} or {@code "Infinity"} spelled its way, and turn an overflow into infinity
 * instead of an error.
 */
public final class GoFloat {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private GoFloat() {}

    /**
     * The value of {@code text}: a decimal number, or {@code Inf}/{@code Infinity} (any case, optional sign), or
     * {@code NaN} (any case, no sign).
     *
     * @throws NumberFormatException naming what is wrong
     */
    public static double parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("\"" + text + "\" is not a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("\"" + text + "\" is out of range for a 64-bit float");
        }
        return value;
    }
}
