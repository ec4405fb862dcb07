package dev.opsbot.core.testing;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.ThreadRecord;
import dev.opsbot.core.store.ThreadStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryThreadStore implements ThreadStore {
    private final Map<ThreadRef, ThreadRecord> threads = new HashMap<>();

    @Override
    public synchronized ThreadRecord touch(ThreadRef ref, String startedBy, Instant at) {
        ThreadRecord updated = threads.compute(
                ref,
                (k, existing) -> existing == null
                        ? new ThreadRecord(ref, startedBy, at, at)
                        : new ThreadRecord(
                                ref,
                                existing.startedBy(),
                                existing.startedAt(),
                                at.isAfter(existing.lastActivityAt()) ? at : existing.lastActivityAt()));
        return updated;
    }

    @Override
    public synchronized Optional<ThreadRecord> find(ThreadRef ref) {
        return Optional.ofNullable(threads.get(ref));
    }

    @Override
    public synchronized List<ThreadRecord> activeSince(Instant since, int limit) {
        return threads.values().stream()
                .filter(t -> !t.lastActivityAt().isBefore(since))
                .sorted(Comparator.comparing(ThreadRecord::lastActivityAt).reversed())
                .limit(limit)
                .toList();
    }
}
