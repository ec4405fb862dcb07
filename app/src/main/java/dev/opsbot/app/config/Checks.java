package dev.opsbot.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules that config records enforce in their constructors. They live together so that the file reader and
 * code that builds records directly (tests, {@code --port}) get the same rule and the same message.
 */
final class Checks {
    /** What ids and channel names may look like: safe in URLs, log lines and SQL without quoting. */
    static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");

    private Checks() {}

    static Duration positive(String key, Duration value, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigException(
                    key,
                    value == null ? null : Durations.format(value),
                    value == null ? "is not set" : "is not longer than zero",
                    "use a duration such as " + example);
        }
        return value;
    }

    static Duration notNegative(String key, Duration value, String example) {
        if (value == null || value.isNegative()) {
            throw new ConfigException(
                    key,
                    value == null ? null : Durations.format(value),
                    value == null ? "is not set" : "is negative",
                    "use a duration such as " + example + ", or 0s");
        }
        return value;
    }

    /** The value in lower case when it is one of {@code allowed}; the message lists them. */
    static String oneOf(String key, String value, String noun, List<String> allowed) {
        String normalized = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new ConfigException(key, value, "is not " + noun, "use one of " + String.join(", ", allowed));
        }
        return normalized;
    }

    static String text(String key, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, null, "is not set", fix);
        }
        return value.trim();
    }

    static String name(String key, String value, String what) {
        text(key, value, "give each " + what + " a name of lower-case letters, digits, '.', '_' or '-'");
        if (!NAME.matcher(value).matches()) {
            throw new ConfigException(
                    key, value, "is not a valid " + what, "use only lower-case letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    /** An absolute http or https URL, or {@code null} when not set. */
    static String httpUrl(String key, String value, String example) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.trim();
        if (!isHttpUrl(url)) {
            throw new ConfigException(key, url, "is not an http(s) URL", "use a full URL such as " + example);
        }
        return url;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
