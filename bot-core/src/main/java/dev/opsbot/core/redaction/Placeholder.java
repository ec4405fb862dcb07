package dev.opsbot.core.redaction;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a secret becomes: {@code [[secret:github-token:3f9a1c0b]]}. The type says what was there, the id tells
 * secrets of one conversation apart (the same secret always gets the same id in its {@link Vault}).
 */
public record Placeholder(String type, String id) {
    public static final String OPEN = "[[secret:";
    public static final String CLOSE = "]]";
    /** Longer than any placeholder opsbot writes, so a parser never reads far past an opening. */
    static final int MAX_LENGTH = 96;

    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern ID = Pattern.compile("[a-z0-9]{4,16}");

    public Placeholder {
        if (type == null || !TYPE.matcher(type).matches() || type.length() > 48) {
            throw new IllegalArgumentException(
                    "a secret type must be lower-case words joined by '-' (github-token), not '" + type + "'");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a placeholder id must be 4-16 lower-case letters or digits");
        }
    }

    @Override
    public String toString() {
        return OPEN + type + ":" + id + CLOSE;
    }

    /** The placeholder spelled at {@code text[start...]}, if one is. */
    public static Optional<Placeholder> at(CharSequence text, int start) {
        int end = endAt(text, start);
        if (end < 0) {
            return Optional.empty();
        }
        String inner =
                text.subSequence(start + OPEN.length(), end - CLOSE.length()).toString();
        int colon = inner.indexOf(':');
        return Optional.of(new Placeholder(inner.substring(0, colon), inner.substring(colon + 1)));
    }

    /**
     * The index just past the placeholder spelled at {@code text[start...]}, or -1 when there is none. Hand-written
     * rather than a regex: it runs for every {@code [[secret:} in every text redacted.
     */
    public static int endAt(CharSequence text, int start) {
        int n = text.length();
        if (start < 0 || start + OPEN.length() > n || !startsWith(text, start, OPEN)) {
            return -1;
        }
        int i = start + OPEN.length();
        int typeStart = i;
        int limit = Math.min(n, start + MAX_LENGTH);
        while (i < limit && (isLowerAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        if (i == typeStart || i >= limit || text.charAt(i) != ':' || text.charAt(i - 1) == '-') {
            return -1;
        }
        int idStart = ++i;
        while (i < limit && isLowerAlnum(text.charAt(i))) {
            i++;
        }
        int idLength = i - idStart;
        if (idLength < 4 || idLength > 16 || i + 1 >= n || text.charAt(i) != ']' || text.charAt(i + 1) != ']') {
            return -1;
        }
        return i + 2;
    }

    /** Whether {@code text} contains a placeholder anywhere: values holding one are never secrets themselves. */
    public static boolean within(CharSequence text) {
        for (int i = indexOf(text, 0); i >= 0; i = indexOf(text, i + 1)) {
            if (endAt(text, i) > 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(CharSequence text, int from) {
        if (text instanceof String string) {
            return string.indexOf(OPEN, from);
        }
        for (int i = Math.max(0, from); i + OPEN.length() <= text.length(); i++) {
            if (startsWith(text, i, OPEN)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
