package dev.opsbot.core.memory;

import java.util.Objects;

/**
 * A memory retrieval found.
 *
 * @param score its rank score (higher is better; comparable within one retrieval only)
 * @param similarity the cosine of the question's and the memory's vectors, -1..1: comparable across retrievals, so
 *     it decides whether a memory is relevant enough to cite
 */
public record Recalled(MemoryItem item, double score, double similarity) {
    public Recalled {
        Objects.requireNonNull(item, "item");
    }
}
