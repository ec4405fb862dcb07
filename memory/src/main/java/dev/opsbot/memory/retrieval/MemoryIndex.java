package dev.opsbot.memory.retrieval;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.memory.embedding.Vectors;
import dev.opsbot.memory.retrieval.internal.TeamShard;
import dev.opsbot.memory.retrieval.internal.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every memory this replica knows, in memory, searched by meaning and by words at once (see {@link Weights}).
 * Each team's memories are kept apart, so a search reads only its own team's. Vectors are held as one byte per
 * dimension in one array per team: a search of 100,000 memories scans 38 MB, split over the cores.
 *
 * <p>Thread-safe: searches run concurrently; a write waits for the searches in flight of its team (milliseconds).
 */
public final class MemoryIndex {
    public static final int MAX_K = 100;

    private final int dimensions;
    private final Weights weights;
    private final Map<String, TeamShard> teams = new ConcurrentHashMap<>();
    private final Map<String, String> teamById = new ConcurrentHashMap<>();

    public MemoryIndex(int dimensions) {
        this(dimensions, Weights.DEFAULT);
    }

    public MemoryIndex(int dimensions, Weights weights) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, not " + dimensions);
        }
        this.dimensions = dimensions;
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /**
     * Adds, replaces or (when {@code forgotten}) drops the memory.
     *
     * @return whether the index changed
     */
    public boolean upsert(StoredMemory memory) {
        Objects.requireNonNull(memory, "memory");
        MemoryItem item = memory.item();
        if (memory.forgotten()) {
            return remove(item.id());
        }
        if (memory.vector().length != dimensions) {
            throw new IllegalArgumentException("memory " + item.id() + " has a vector of " + memory.vector().length
                    + " dimensions, this index holds " + dimensions);
        }
        synchronized (teamById) {
            String team = item.scope().team();
            String before = teamById.put(item.id(), team);
            if (before != null && !before.equals(team)) {
                shard(before).remove(item.id());
            }
            return shard(team).put(item, Vectors.normalised(memory.vector()), memory.changedAt());
        }
    }

    /** Loads many at once (the first load, a catch-up); forgotten ones are dropped. Returns how many changed. */
    public int upsertAll(Iterable<StoredMemory> memories) {
        int changed = 0;
        for (StoredMemory memory : memories) {
            if (upsert(memory)) {
                changed++;
            }
        }
        return changed;
    }

    public boolean remove(String id) {
        synchronized (teamById) {
            String team = teamById.remove(id);
            return team != null && shard(team).remove(id);
        }
    }

    public Optional<MemoryItem> get(String id) {
        String team = teamById.get(id);
        return team == null ? Optional.empty() : shard(team).get(id);
    }

    /** Takes the memory's new usage and votes (its text, scope and vector stay); {@code false} when not held. */
    public boolean updateUsage(String id, int uses, int upVotes, int downVotes) {
        String team = teamById.get(id);
        return team != null && shard(team).updateUsage(id, uses, upVotes, downVotes);
    }

    public int size() {
        return teamById.size();
    }

    /**
     * The {@code k} memories that best answer {@code question} among those that {@link MemoryScope#appliesTo apply
     * to} {@code scope}, best first.
     *
     * @param questionVector the question's embedding, from the same model as the memories'
     */
    public List<MemoryHit> search(String question, float[] questionVector, MemoryScope scope, int k) {
        return search(question, questionVector, scope, null, k);
    }

    /**
     * The {@code k} best of all the team's memories, with {@code service} as a preference rather than a filter: its
     * memories gain and those of other services lose ({@link Weights#serviceMatch}, {@link Weights#otherService}),
     * as when a question names the service, but none is left out. For a small fixed set such as the runbooks, where
     * another service's section may still be the best answer there is.
     *
     * @param service the service asked about, or null: then the services the question names
     */
    public List<MemoryHit> searchPreferring(
            String question, float[] questionVector, String team, String service, int k) {
        return search(question, questionVector, MemoryScope.team(team), service, k);
    }

    private List<MemoryHit> search(
            String question, float[] questionVector, MemoryScope scope, String preferred, int k) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(questionVector, "questionVector");
        Objects.requireNonNull(scope, "scope");
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be 1 to " + MAX_K + ", not " + k);
        }
        if (questionVector.length != dimensions) {
            throw new IllegalArgumentException("the question's vector has " + questionVector.length
                    + " dimensions, this index holds " + dimensions);
        }
        TeamShard shard = teams.get(scope.team());
        if (shard == null) {
            return List.of();
        }
        return shard.search(question, Tokens.of(question), Vectors.normalised(questionVector), scope, preferred, k);
    }

    private TeamShard shard(String team) {
        return teams.computeIfAbsent(team, t -> new TeamShard(dimensions, weights));
    }

    @Override
    public String toString() {
        return "MemoryIndex[" + size() + " memories of " + teams.size() + " teams, " + dimensions + " dims]";
    }
}
