package dev.opsbot.core.testing;

import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.store.InboundEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ledger in a map, for tests of our own code; the database one must pass the same contract suite. */
public final class InMemoryEventLedger implements EventLedger {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final InboundEvent event;
        String owner;
        Instant leaseUntil;
        Instant completedAt;

        Entry(InboundEvent event, String owner, Instant leaseUntil) {
            this.event = event;
            this.owner = owner;
            this.leaseUntil = leaseUntil;
        }
    }

    private static String key(String platform, String eventId) {
        return platform + "\u0000" + eventId;
    }

    @Override
    public synchronized boolean record(InboundEvent event, String owner, Instant leaseUntil) {
        return entries.putIfAbsent(key(event.platform(), event.eventId()), new Entry(event, owner, leaseUntil)) == null;
    }

    @Override
    public synchronized void complete(String platform, String eventId, Instant completedAt) {
        Entry entry = entries.get(key(platform, eventId));
        if (entry != null && entry.completedAt == null) {
            entry.completedAt = completedAt;
        }
    }

    @Override
    public synchronized List<InboundEvent> reclaimExpired(String owner, Instant now, Instant newLeaseUntil, int limit) {
        List<InboundEvent> taken = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (taken.size() >= limit) {
                break;
            }
            if (entry.completedAt == null && entry.leaseUntil.isBefore(now)) {
                entry.owner = owner;
                entry.leaseUntil = newLeaseUntil;
                taken.add(entry.event);
            }
        }
        return taken;
    }

    @Override
    public synchronized int release(String owner, Instant now) {
        int released = 0;
        for (Entry entry : entries.values()) {
            if (entry.completedAt == null && entry.owner.equals(owner)) {
                entry.leaseUntil = now.minusMillis(1);
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized long countPending() {
        return entries.values().stream().filter(e -> e.completedAt == null).count();
    }

    @Override
    public synchronized int forgetCompletedBefore(Instant before) {
        int before0 = entries.size();
        entries.values().removeIf(e -> e.completedAt != null && e.completedAt.isBefore(before));
        return before0 - entries.size();
    }

    @Override
    public synchronized boolean isCompleted(String platform, String eventId) {
        Entry entry = entries.get(key(platform, eventId));
        return entry != null && entry.completedAt != null;
    }
}
