package dev.opsbot.core.store;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.Objects;

/** A thread opsbot takes part in: follow-ups there reach it without a new mention. */
public record ThreadRecord(ThreadRef ref, String startedBy, Instant startedAt, Instant lastActivityAt) {
    public ThreadRecord {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }
}
