package dev.opsbot.memory.retrieval;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.Recalled;
import java.util.Objects;

/**
 * A memory a search found: its score (see {@link Weights}) and the two relevance parts in it.
 *
 * @param similarity cosine of the question's and the memory's vectors
 * @param keywords the memory's keyword share of the question, 0..1
 */
public record MemoryHit(MemoryItem item, double score, double similarity, double keywords) {
    public MemoryHit {
        Objects.requireNonNull(item, "item");
    }

    public Recalled recalled() {
        return new Recalled(item, score, similarity);
    }
}
