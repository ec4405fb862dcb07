package dev.opsbot.app.config;

import java.time.Duration;

/**
 * The allowed range of a duration key, the duration counterpart of {@link IntRule}: one rule, one message, whether
 * the value came from the file or from code that builds the record.
 */
record DurationRule(Duration min, Duration max) {
    Duration check(String key, Duration value) {
        return check(key, value, value == null ? null : Durations.format(value));
    }

    /** Parses {@code text}; a duration out of range is quoted as written ("2d", not "48h"). */
    Duration parse(String key, String text) {
        return check(key, Durations.parse(key, text), text);
    }

    private Duration check(String key, Duration value, String shown) {
        if (value == null) {
            throw new ConfigException(key, null, "is not set", range());
        }
        if (value.compareTo(min) < 0) {
            throw new ConfigException(key, shown, "is shorter than " + Durations.format(min), range());
        }
        if (value.compareTo(max) > 0) {
            throw new ConfigException(key, shown, "is longer than " + Durations.format(max), range());
        }
        return value;
    }

    private String range() {
        return "use a duration from " + Durations.format(min) + " to " + Durations.format(max);
    }
}
