package dev.opsbot.app.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A password, token or API key. It prints (and serialises to JSON) as {@code ***}, so logging a config record, or
 * an exception that quotes one, can never leak it; the value is reachable only through {@link #value()}, at the
 * place that hands it to a client. A secret that is not configured is {@code null}, never an empty secret.
 */
public record Secret(String value) {
    public Secret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Secret needs a value; use null for a secret that is not configured");
        }
    }

    /** A secret holding {@code value}, or {@code null} when it is {@code null} or blank (not configured). */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return "***";
    }
}
