package dev.opsbot.core.policy;

import java.util.Objects;

/**
 * One pattern of a rule field: {@code *} stands for any run of characters (none, and {@code /}, included), {@code ?}
 * for exactly one, everything else for itself, ignoring case ({@code DeleteBucket} and {@code deletebucket} are one
 * operation to a reader of the rules). Matched by hand rather than by regex: no escaping surprises in patterns, no
 * allocation per match, and a linear worst case for the patterns people write.
 */
public record Glob(String pattern) {
    public Glob {
        Objects.requireNonNull(pattern, "pattern");
        pattern = pattern.trim();
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("a pattern must not be empty: write * to match anything");
        }
    }

    public static Glob of(String pattern) {
        return new Glob(pattern);
    }

    /** Whether {@code value} matches; a value that is not there ({@code null}) is the empty text, which only {@code *} matches. */
    public boolean matches(String value) {
        String text = value == null ? "" : value;
        int p = 0;
        int t = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Whether any of {@code values} matches: how a typo is caught in a field whose values are known. */
    public boolean matchesAny(Iterable<String> values) {
        for (String value : values) {
            if (matches(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
