package dev.opsbot.memory;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.memory.embedding.Embedder;
import dev.opsbot.memory.retrieval.MemoryHit;
import dev.opsbot.memory.retrieval.MemoryIndex;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Team memory over the shared {@link MemoryStore} with a {@link MemoryIndex} of this replica's own: memories are
 * redacted, embedded and stored, then searched in memory. The index follows the store: everything on first use,
 * then at most every 5 seconds what changed (other replicas' memories, forgets and votes).
 */
public final class IndexedTeamMemory implements TeamMemory {
    private static final int ID_ATTEMPTS = 20;

    private final MemoryStore store;
    private final Embedder embedder;
    private final Clock clock;
    private final MemoryIndex index;
    private final StoreFollower follower;
    private final RandomGenerator random;

    public IndexedTeamMemory(MemoryStore store, Embedder embedder, Clock clock) {
        this(store, embedder, clock, new MemoryIndex(embedder.dimensions()), new SecureRandom());
    }

    /** With an index of its own weights, and ids drawn from {@code random} (tests). */
    IndexedTeamMemory(MemoryStore store, Embedder embedder, Clock clock, MemoryIndex index, RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.index = Objects.requireNonNull(index, "index");
        this.random = Objects.requireNonNull(random, "random");
        this.follower = new StoreFollower(store, index, clock);
    }

    /**
     * Redacts {@code text} (every secret becomes a placeholder) before anything else sees it: the embedder, the
     * store and the index only ever get the redacted text.
     *
     * @throws IllegalArgumentException when the text is blank or longer than {@link MemoryItem#MAX_TEXT}
     */
    @Override
    public MemoryItem remember(MemoryKind kind, String text, MemoryScope scope, MemorySource source) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        String redacted = Redactor.standard().redact(text.strip(), Vault.create());
        if (redacted.isBlank()) {
            throw new IllegalArgumentException("there is nothing to remember: the text is blank");
        }
        if (redacted.length() > MemoryItem.MAX_TEXT) {
            throw new IllegalArgumentException("a memory holds at most " + MemoryItem.MAX_TEXT + " characters; this one"
                    + " has " + redacted.length()
                    + (redacted.length() != text.strip().length() ? " with its secrets replaced by placeholders" : "")
                    + ": say it shorter");
        }
        MemoryItem item = new MemoryItem(newId(), kind, redacted, scope, source, 0, 0, 0);
        float[] vector = embedder.embed(redacted);
        Instant now = clock.instant();
        store.add(item, vector, now);
        index.upsert(new StoredMemory(item, vector, now, false));
        return item;
    }

    @Override
    public Optional<MemoryItem> forget(String id, String team) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Optional<MemoryItem> item = store.find(id);
        if (item.isEmpty() || !item.get().scope().team().equals(team)) {
            return Optional.empty();
        }
        boolean forgotten = store.forget(id, clock.instant());
        index.remove(id);
        return forgotten ? item : Optional.empty();
    }

    @Override
    public List<MemoryItem> list(String team, String service, int limit) {
        Objects.requireNonNull(team, "team");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return store.list(team, service, limit);
    }

    /**
     * The best {@code k} (at most {@link MemoryIndex#MAX_K}) within {@code scope}, however weak: the caller decides
     * what score is worth citing. Catches up with the store first when it is due.
     */
    @Override
    public List<Recalled> recall(String question, MemoryScope scope, int k) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(scope, "scope");
        if (k < 1 || k > MemoryIndex.MAX_K) {
            throw new IllegalArgumentException("k must be 1 to " + MemoryIndex.MAX_K + ", not " + k);
        }
        follower.catchUp();
        if (question.isBlank()) {
            return List.of();
        }
        return index.search(question, embedder.embed(question), scope, k).stream()
                .map(MemoryHit::recalled)
                .toList();
    }

    @Override
    public void cited(List<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return;
        }
        store.cited(List.copyOf(ids), clock.instant());
        for (String id : ids) {
            index.get(id).ifPresent(item -> index.updateUsage(id, item.uses() + 1, item.upVotes(), item.downVotes()));
        }
    }

    /** @throws IllegalArgumentException when {@code vote} is not -1, 0 or +1 */
    @Override
    public boolean vote(String id, String voter, int vote) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(voter, "voter");
        if (vote < -1 || vote > 1) {
            throw new IllegalArgumentException("a vote is +1, -1 or 0 (taken back), not " + vote);
        }
        if (!store.vote(id, voter, vote, clock.instant())) {
            return false;
        }
        // the store counts one standing vote per person: its totals are the truth, not ours plus one
        store.find(id).ifPresent(item -> index.updateUsage(id, item.uses(), item.upVotes(), item.downVotes()));
        return true;
    }

    /** The local index (for metrics and the bench). */
    public MemoryIndex index() {
        return index;
    }

    private String newId() {
        HexFormat hex = HexFormat.of();
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            String id = "m-" + hex.toHexDigits(random.nextInt(1 << 24)).substring(2);
            if (index.get(id).isEmpty() && store.find(id).isEmpty()) {
                return id;
            }
        }
        throw new OpsbotException(
                "no free memory id in " + ID_ATTEMPTS + " tries: the id space (16.7 million) is nearly full",
                false,
                null);
    }
}
