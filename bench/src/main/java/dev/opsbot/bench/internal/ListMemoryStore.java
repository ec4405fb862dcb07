package dev.opsbot.bench.internal;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only store over memories held in a list, answering what the index's loading asks ({@code changedSince} by
 * page, oldest first; {@code find}), so that a driver can measure the production {@code IndexedTeamMemory} without
 * a database. Anything else is refused.
 */
public final class ListMemoryStore implements MemoryStore {
    private final List<StoredMemory> byChange;
    private final Map<String, MemoryItem> byId = new HashMap<>();

    public ListMemoryStore(List<StoredMemory> memories) {
        this.byChange = memories.stream()
                .sorted(Comparator.comparing(StoredMemory::changedAt))
                .toList();
        memories.forEach(m -> byId.put(m.item().id(), m.item()));
    }

    @Override
    public List<StoredMemory> changedSince(Instant since, int limit) {
        int low = 0;
        int high = byChange.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byChange.get(middle).changedAt().isAfter(since)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return byChange.subList(low, Math.min(byChange.size(), low + limit));
    }

    @Override
    public Optional<MemoryItem> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void add(MemoryItem item, float[] vector, Instant at) {
        throw readOnly();
    }

    @Override
    public boolean forget(String id, Instant at) {
        throw readOnly();
    }

    @Override
    public List<MemoryItem> list(String team, String service, int limit) {
        throw readOnly();
    }

    @Override
    public void cited(List<String> ids, Instant at) {
        throw readOnly();
    }

    @Override
    public boolean vote(String id, String voter, int vote, Instant at) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the bench's memory store only loads");
    }
}
