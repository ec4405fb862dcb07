package dev.opsbot.core.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where memories are kept (the database; shared by every replica). Each replica's retrieval index loads them with
 * {@link #changedSince} and keeps up by asking again.
 */
public interface MemoryStore {
    /** Saves a new memory with its embedding. */
    void add(MemoryItem item, float[] vector, Instant at);

    Optional<MemoryItem> find(String id);

    /** Forgets it (for every replica); {@code false} when there was no such memory. */
    boolean forget(String id, Instant at);

    /** The team's memories, newest first; {@code service} null for all of them. */
    List<MemoryItem> list(String team, String service, int limit);

    /** Memories changed (added, forgotten, cited, voted on) after {@code since}, oldest change first. */
    List<StoredMemory> changedSince(Instant since, int limit);

    /** The memories were cited in an answer. */
    void cited(List<String> ids, Instant at);

    /**
     * {@code voter}'s vote on a cited memory: +1, -1, or 0 to take it back. One standing vote per person.
     *
     * @return false when there is no such memory
     */
    boolean vote(String id, String voter, int vote, Instant at);
}
