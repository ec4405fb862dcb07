package dev.opsbot.core.memory;

import java.util.Objects;

/** A memory retrieval found, with its score (higher is better; comparable within one retrieval only). */
public record Recalled(MemoryItem item, double score) {
    public Recalled {
        Objects.requireNonNull(item, "item");
    }
}
