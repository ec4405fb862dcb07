package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.Objects;

/** One container log line; {@code at} is null when the line carries no time. */
public record LogLine(Instant at, String pod, String container, String text) {
    public LogLine {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(text, "text");
    }
}
