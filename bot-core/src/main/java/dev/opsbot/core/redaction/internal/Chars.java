package dev.opsbot.core.redaction.internal;

/** Character classes and bounded searches the detectors share. All bounds are explicit: no search is open-ended. */
public final class Chars {
    private Chars() {}

    public static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Letters, digits, {@code _ - .}: what keys and most tokens are made of. */
    public static boolean isKeyChar(char c) {
        return isAlnum(c) || c == '_' || c == '-' || c == '.';
    }

    public static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    public static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '=';
    }

    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether {@code text[at]} exists and is a letter or digit. */
    public static boolean alnumAt(String text, int at) {
        return at >= 0 && at < text.length() && isAlnum(text.charAt(at));
    }

    /** The start of the line holding {@code at}, looking back at most {@code limit} characters. */
    public static int lineStart(String text, int at, int limit) {
        int floor = Math.max(0, at - limit);
        for (int i = at - 1; i >= floor; i--) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return floor;
    }

    /** The end (index of the newline, or the text's end) of the line holding {@code at}, within {@code limit}. */
    public static int lineEnd(String text, int at, int limit) {
        int ceiling = (int) Math.min(text.length(), (long) at + limit);
        for (int i = at; i < ceiling; i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return ceiling;
    }

    /** Skips spaces and tabs from {@code at}, at most {@code limit}. */
    public static int skipBlanks(String text, int at, int limit) {
        int end = (int) Math.min(text.length(), (long) at + limit);
        int i = at;
        while (i < end && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code text} has {@code literal} at {@code at}, ignoring ASCII case. */
    public static boolean at(String text, int at, String literal) {
        return at >= 0 && text.regionMatches(true, at, literal, 0, literal.length());
    }
}
