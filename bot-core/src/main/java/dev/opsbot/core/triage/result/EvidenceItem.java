package dev.opsbot.core.triage.result;

import java.time.Instant;
import java.util.Objects;

/** One fact that supports a hypothesis, with where and when it was seen. */
public record EvidenceItem(String source, Instant at, String detail) {
    public EvidenceItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }
}
