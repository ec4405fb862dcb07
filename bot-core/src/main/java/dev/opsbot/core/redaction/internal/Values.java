package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Placeholder;
import java.util.Locale;
import java.util.Set;

/**
 * Values that stand for a secret without being one: masks ({@code ****}, {@code <redacted>}) and our own
 * placeholders; references ({@code ${DB_PASSWORD}}, {@code {{ .Values.x }}}, {@code $TOKEN}, a path, a URL, an ARN);
 * and words that stand for a value ({@code null}, {@code changeme}). None of these is redacted where it stands for
 * one.
 */
public final class Values {
    private static final Set<String> WORDS = Set.of(
            "null",
            "none",
            "nil",
            "undefined",
            "true",
            "false",
            "yes",
            "no",
            "empty",
            "unset",
            "redacted",
            "masked",
            "hidden",
            "filtered",
            "sensitive",
            "secret",
            "password",
            "token",
            "changeme",
            "example",
            "dummy",
            "xxx");
    private static final String[] REFERENCE_STARTS = {
        "${",
        "$(",
        "{{",
        "#{",
        "%(",
        "%{",
        "<%",
        "file:",
        "vault:",
        "ref+",
        "arn:",
        "secretref:",
        "env:",
        "sm://",
        "gcp:",
        "azurekeyvault"
    };
    private static final int MAX_PATH_SEGMENT = 24;

    private Values() {}

    /** A reference, a mask, a placeholder, or a word that stands for a value ({@code null}, {@code changeme}). */
    public static boolean isPlaceholder(CharSequence raw) {
        String value = raw.toString().strip();
        return isReference(value) || WORDS.contains(trimPunctuation(value.toLowerCase(Locale.ROOT)));
    }

    /**
     * A reference, a mask or a placeholder, but not a word: where a value is certainly the real one (a URL's password,
     * a connection string's), {@code changeme} is a bad password, not a placeholder.
     */
    public static boolean isReference(CharSequence raw) {
        String value = raw.toString().strip();
        if (isMasked(value)) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String start : REFERENCE_STARTS) {
            if (lower.startsWith(start)) {
                return true;
            }
        }
        return lower.contains("://") || isEnvReference(value) || isPath(value);
    }

    /**
     * Empty, a mask ({@code ****}, {@code xxxxxxxx}), {@code <redacted>}-style, holding one of our placeholders, or a
     * documentation example ({@code AKIAIOSFODNN7EXAMPLE}: vendors mark theirs so): the only values a vendor-shaped
     * token is never taken for.
     */
    public static boolean isMasked(CharSequence raw) {
        String value = raw.toString().strip();
        if (value.isEmpty() || Placeholder.within(value) || isMask(value) || value.contains("EXAMPLE")) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("redacted")
                || lower.contains("[filtered]")
                || (value.startsWith("<") && value.endsWith(">"))
                || (value.startsWith("[[") && value.endsWith("]]"));
    }

    /** {@code $DB_PASSWORD}, {@code $env:TOKEN}. */
    private static boolean isEnvReference(String value) {
        if (value.length() < 2 || value.charAt(0) != '$') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code /var/run/secrets/token}, {@code ./certs/key}, {@code ~/.aws/credentials}: two or more short segments. A
     * base64 secret may start with '/', but seldom splits into such segments.
     */
    private static boolean isPath(String value) {
        if (!(value.startsWith("/") || value.startsWith("./") || value.startsWith("../") || value.startsWith("~/"))) {
            return false;
        }
        int slashes = 0;
        int segment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/') {
                slashes++;
                segment = 0;
            } else if (++segment > MAX_PATH_SEGMENT || c == '+' || c == '=') {
                return false;
            }
        }
        return slashes >= 2;
    }

    /** {@code ****}, {@code xxxxxx}, {@code ......}: one or two distinct characters. */
    private static boolean isMask(String value) {
        char first = value.charAt(0);
        char second = 0;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != first && c != second) {
                if (second != 0) {
                    return false;
                }
                second = c;
            }
        }
        return true;
    }

    private static String trimPunctuation(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && !Character.isLetterOrDigit(value.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }
}
