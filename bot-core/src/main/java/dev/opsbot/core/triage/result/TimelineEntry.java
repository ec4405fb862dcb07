package dev.opsbot.core.triage.result;

import java.time.Instant;
import java.util.Objects;

/** One line of the incident's timeline; {@code kind} is {@code change}, {@code signal} or {@code event}. */
public record TimelineEntry(Instant at, String source, String kind, String detail) {
    public static final String CHANGE = "change";
    public static final String SIGNAL = "signal";
    public static final String EVENT = "event";

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
