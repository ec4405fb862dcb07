package dev.opsbot.core.testing;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Team memory in a map, keeping {@code MemoryStoreContract}'s rules as the database does (microseconds included). */
public final class InMemoryMemoryStore implements MemoryStore {
    private static final Comparator<Entry> BY_CHANGE =
            Comparator.comparing((Entry e) -> e.changedAt).thenComparing(e -> e.item.id());

    private final Map<String, Entry> memories = new HashMap<>();

    private static final class Entry {
        MemoryItem item;
        final float[] vector;
        Instant changedAt;
        boolean forgotten;
        final Map<String, Integer> votes = new HashMap<>();

        Entry(MemoryItem item, float[] vector, Instant changedAt) {
            this.item = item;
            this.vector = vector;
            this.changedAt = changedAt;
        }

        void changed(Instant at) {
            Instant kept = micros(at);
            if (kept.isAfter(changedAt)) {
                changedAt = kept;
            }
        }

        MemoryItem counted() {
            int up = (int) votes.values().stream().filter(v -> v > 0).count();
            return item.withUsage(item.uses(), up, votes.size() - up);
        }
    }

    @Override
    public synchronized void add(MemoryItem item, float[] vector, Instant at) {
        Objects.requireNonNull(at, "at");
        requireNew(item, vector);
        if (memories.containsKey(item.id())) {
            throw new OpsbotException("memory " + item.id() + " exists already");
        }
        var source = item.source();
        var kept = new MemoryItem(
                item.id(),
                item.kind(),
                item.text(),
                item.scope(),
                new MemorySource(
                        source.thread(), source.message(), source.author(), source.channelName(), micros(source.at())),
                0,
                0,
                0);
        memories.put(item.id(), new Entry(kept, vector.clone(), micros(at)));
    }

    private static void requireNew(MemoryItem item, float[] vector) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(vector, "vector");
        if (item.uses() != 0 || item.upVotes() != 0 || item.downVotes() != 0) {
            throw new IllegalArgumentException("memory " + item.id() + " is new: it cannot have uses or votes yet");
        }
        if (vector.length == 0) {
            throw new IllegalArgumentException("memory " + item.id() + " needs a vector with at least one dimension");
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(
                        "memory " + item.id() + "'s vector has " + vector[i] + " at dimension " + i);
            }
        }
    }

    @Override
    public synchronized Optional<MemoryItem> find(String id) {
        return live().filter(e -> e.item.id().equals(id)).findFirst().map(Entry::counted);
    }

    @Override
    public synchronized boolean forget(String id, Instant at) {
        Objects.requireNonNull(at, "at");
        Entry entry = memories.get(id);
        if (entry == null || entry.forgotten) {
            return false;
        }
        entry.forgotten = true;
        entry.changed(at);
        return true;
    }

    @Override
    public synchronized List<MemoryItem> list(String team, String service, int limit) {
        Objects.requireNonNull(team, "team");
        return live().filter(e -> e.item.scope().team().equals(team))
                .filter(e -> service == null || service.equals(e.item.scope().service()))
                .sorted(Comparator.comparing((Entry e) -> e.item.source().at())
                        .thenComparing(e -> e.item.id())
                        .reversed())
                .limit(Math.max(0, limit))
                .map(Entry::counted)
                .toList();
    }

    @Override
    public synchronized List<StoredMemory> changedSince(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            return List.of();
        }
        List<Entry> changed = memories.values().stream()
                .filter(e -> e.changedAt.isAfter(since))
                .sorted(BY_CHANGE)
                .toList();
        int end = Math.min(limit, changed.size());
        // never split an instant: the caller asks again from the last changedAt, exclusively
        while (end > 0 && end < changed.size() && changed.get(end).changedAt.equals(changed.get(end - 1).changedAt)) {
            end++;
        }
        return changed.subList(0, end).stream()
                .map(e -> new StoredMemory(e.counted(), e.vector.clone(), e.changedAt, e.forgotten))
                .toList();
    }

    @Override
    public synchronized void cited(List<String> ids, Instant at) {
        Objects.requireNonNull(at, "at");
        for (String id : new LinkedHashSet<>(ids)) {
            Entry entry = memories.get(id);
            if (entry != null && !entry.forgotten) {
                entry.item = entry.item.withUsage(entry.item.uses() + 1, 0, 0);
                entry.changed(at);
            }
        }
    }

    @Override
    public synchronized boolean vote(String id, String voter, int vote, Instant at) {
        requireVote(voter, vote);
        Objects.requireNonNull(at, "at");
        Entry entry = memories.get(id);
        if (entry == null || entry.forgotten) {
            return false;
        }
        Integer before = vote == 0 ? entry.votes.remove(voter) : entry.votes.put(voter, vote);
        if (!Objects.equals(before, vote == 0 ? null : vote)) {
            entry.changed(at);
        }
        return true;
    }

    private static void requireVote(String voter, int vote) {
        Objects.requireNonNull(voter, "voter");
        if (voter.isBlank()) {
            throw new IllegalArgumentException("a vote needs a voter");
        }
        if (vote < -1 || vote > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or +1, not " + vote);
        }
    }

    private Stream<Entry> live() {
        return memories.values().stream().filter(e -> !e.forgotten);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
