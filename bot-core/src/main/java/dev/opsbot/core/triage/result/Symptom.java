package dev.opsbot.core.triage.result;

import java.time.Instant;
import java.util.Objects;

/**
 * The symptom asked about: its kind ({@code http_5xx}), when it began ({@code null} when it never did) and its worst
 * value in the window.
 */
public record Symptom(String kind, Instant onset, double peak) {
    public Symptom {
        Objects.requireNonNull(kind, "kind");
    }

    public boolean present() {
        return onset != null;
    }
}
