package dev.opsbot.memory.testing;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The database as the index sees it, in a map: one store shared by the "replicas" of a test. */
public final class FakeMemoryStore implements MemoryStore {
    private final Map<String, StoredMemory> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> votes = new HashMap<>();
    private final List<String> addedTexts = new ArrayList<>();
    private RuntimeException failure;
    private int changedSinceCalls;
    private Instant lastSince;

    @Override
    public synchronized void add(MemoryItem item, float[] vector, Instant at) {
        if (rows.containsKey(item.id())) {
            throw new IllegalStateException("duplicate memory id " + item.id());
        }
        rows.put(item.id(), new StoredMemory(item, vector.clone(), at, false));
        addedTexts.add(item.text());
    }

    @Override
    public synchronized Optional<MemoryItem> find(String id) {
        StoredMemory row = rows.get(id);
        return row == null || row.forgotten() ? Optional.empty() : Optional.of(row.item());
    }

    @Override
    public synchronized boolean forget(String id, Instant at) {
        StoredMemory row = rows.get(id);
        if (row == null || row.forgotten()) {
            return false;
        }
        rows.put(id, new StoredMemory(row.item(), row.vector(), at, true));
        return true;
    }

    @Override
    public synchronized List<MemoryItem> list(String team, String service, int limit) {
        return rows.values().stream()
                .filter(row -> !row.forgotten())
                .map(StoredMemory::item)
                .filter(item -> item.scope().team().equals(team))
                .filter(item -> service == null || service.equals(item.scope().service()))
                .sorted(Comparator.comparing((MemoryItem item) -> item.source().at())
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<StoredMemory> changedSince(Instant since, int limit) {
        changedSinceCalls++;
        lastSince = since;
        if (failure != null) {
            throw failure;
        }
        return rows.values().stream()
                .filter(row -> row.changedAt().isAfter(since))
                .sorted(Comparator.comparing(StoredMemory::changedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void cited(List<String> ids, Instant at) {
        for (String id : ids) {
            StoredMemory row = rows.get(id);
            if (row != null && !row.forgotten()) {
                MemoryItem item = row.item();
                update(id, item.withUsage(item.uses() + 1, item.upVotes(), item.downVotes()), at);
            }
        }
    }

    @Override
    public synchronized boolean vote(String id, String voter, int vote, Instant at) {
        StoredMemory row = rows.get(id);
        if (row == null || row.forgotten()) {
            return false;
        }
        Map<String, Integer> byVoter = votes.computeIfAbsent(id, i -> new HashMap<>());
        byVoter.put(voter, vote);
        int up = (int) byVoter.values().stream().filter(v -> v > 0).count();
        int down = (int) byVoter.values().stream().filter(v -> v < 0).count();
        update(id, row.item().withUsage(row.item().uses(), up, down), at);
        return true;
    }

    /** Puts a row as another replica would have written it. */
    public synchronized void put(StoredMemory row) {
        rows.put(row.item().id(), row);
    }

    public synchronized List<String> addedTexts() {
        return List.copyOf(addedTexts);
    }

    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized Instant lastSince() {
        return lastSince;
    }

    public synchronized int changedSinceCalls() {
        return changedSinceCalls;
    }

    private void update(String id, MemoryItem item, Instant at) {
        StoredMemory row = rows.get(id);
        rows.put(id, new StoredMemory(item, row.vector(), at, false));
    }
}
