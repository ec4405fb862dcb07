package dev.opsbot.core.memory;

import java.util.List;

/**
 * Team memory as the conversation uses it: learn, forget, recall. Implemented in module {@code memory} (embeddings
 * in process, hybrid keyword + vector retrieval) over a {@link MemoryStore}.
 */
public interface TeamMemory {
    /** Keeps {@code text} (redacted here, before it is stored); returns the stored item. */
    MemoryItem remember(MemoryKind kind, String text, MemoryScope scope, MemorySource source);

    /** The memory forgotten, or empty when no memory of the team has that id. */
    java.util.Optional<MemoryItem> forget(String id, String team);

    List<MemoryItem> list(String team, String service, int limit);

    /**
     * The {@code k} memories that best answer {@code question} within {@code scope}, best first, however weak: the
     * caller decides (by {@link Recalled#similarity}) what is worth citing.
     */
    List<Recalled> recall(String question, MemoryScope scope, int k);

    /** The memories were cited in an answer. */
    void cited(List<String> ids);

    boolean vote(String id, String voter, int vote);
}
