package dev.opsbot.core.redaction.internal;

/**
 * Whether a value looks machine-made. Generic {@code password=} assignments are only redacted when their value does:
 * {@code changeme} or {@code my-app-secret} are words, {@code Xk9#mQ2!vT} or a 32-character hex string are not.
 */
public final class Entropy {
    static final int MIN_LENGTH = 8;
    private static final double MIXED_BITS = 2.5;
    private static final int LONG = 16;
    private static final double LONG_BITS = 3.5;

    private Entropy() {}

    /** Shannon entropy in bits per character. */
    public static double bits(CharSequence value) {
        int n = value.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            bits += term(count, n);
        }
        return bits + term(other, n);
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / n;
        return -p * Math.log(p) / Math.log(2);
    }

    /**
     * At least 8 characters and either two kinds of character (lower, upper, digit, symbol; {@code - _ . /} do not
     * count as symbols: names and paths are full of them) with some spread, or long and spread out.
     */
    public static boolean looksRandom(CharSequence value) {
        int n = value.length();
        if (n < MIN_LENGTH) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '_' && c != '.' && c != '/') {
                symbol = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        double bits = bits(value);
        return (kinds >= 2 && bits >= MIXED_BITS) || (n >= LONG && bits >= LONG_BITS);
    }
}
