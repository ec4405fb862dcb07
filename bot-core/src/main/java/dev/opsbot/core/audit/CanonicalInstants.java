package dev.opsbot.core.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the instants of canonical JSON ({@code 2026-03-10T02:41:07.123Z}) without {@link Instant#parse}, whose
 * formatter machinery costs more than the whole rest of a record's check when verify runs without the optimising
 * compiler (the launcher's {@code -XX:TieredStopAtLevel=1}). Anything else goes to {@link Instant#parse}.
 */
final class CanonicalInstants {
    private CanonicalInstants() {}

    /** The instant, or null when the text is none. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        Instant fast = fast(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code uuuu-MM-ddTHH:mm:ss} plus an optional fraction of 3, 6 or 9 digits, then {@code Z}; else null. */
    private static Instant fast(String s) {
        int length = s.length();
        if (length < 20
                || s.charAt(length - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int fraction = length - 20;
        if (fraction != 0 && (fraction != 4 && fraction != 7 && fraction != 10 || s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (fraction != 0) {
            int value = digits(s, 20, length - 1);
            if (value < 0) {
                return null;
            }
            nanos = value * (fraction == 4 ? 1_000_000 : fraction == 7 ? 1_000 : 1);
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character there is no digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
