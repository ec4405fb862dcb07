package dev.opsbot.memory;

import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.memory.retrieval.MemoryIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a replica's index in step with the store: loads everything on first use, then, at most every
 * {@link #REFRESH_EVERY}, asks for what changed since shortly before its previous read began.
 */
final class StoreFollower {
    static final Duration REFRESH_EVERY = Duration.ofSeconds(5);
    /**
     * How far before the previous read each catch-up starts: another replica's clock may run behind ours, and its
     * change may commit a while after it was stamped. Re-reading a change is harmless (the index skips it). Counting
     * from our previous read rather than from the newest change seen keeps the re-read to the last half minute's
     * changes: after a bulk import the newest change stays the same, and every catch-up would read it all again.
     */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    static final int PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

    private final MemoryStore store;
    private final MemoryIndex index;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean loaded;
    private volatile Instant lastRefresh = Instant.MIN;
    private Instant previousRead = Instant.EPOCH;

    StoreFollower(MemoryStore store, MemoryIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /**
     * The first call loads everything (and fails if the store does); later ones catch up when due, and a failure then
     * is logged and the index answers as it is. Only one thread catches up; the others do not wait for it.
     */
    void catchUp() {
        if (!loaded) {
            lock.lock();
            try {
                if (!loaded) {
                    Instant started = clock.instant();
                    int changed = read(Instant.EPOCH);
                    previousRead = started;
                    loaded = true;
                    lastRefresh = started;
                    LOG.info("team memory loaded: {} memories", changed);
                }
            } finally {
                lock.unlock();
            }
            return;
        }
        if (!due(clock.instant()) || !lock.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (due(now)) {
                lastRefresh = now;
                read(previousRead.minus(OVERLAP));
                previousRead = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("team memory could not catch up with the store; answering from what this replica holds", e);
        } finally {
            lock.unlock();
        }
    }

    private boolean due(Instant now) {
        return Duration.between(lastRefresh, now).compareTo(REFRESH_EVERY) >= 0;
    }

    /**
     * Reads every change after {@code since}, page by page; returns how many changed the index. The next page starts
     * just before the last change read, so that others changed at the same instant are read too; a full page that is
     * one instant throughout (a bulk import) is asked for again, twice as long, until it shows the end of that
     * instant.
     */
    private int read(Instant since) {
        int changed = 0;
        int limit = PAGE;
        while (true) {
            List<StoredMemory> page = store.changedSince(since, limit);
            changed += index.upsertAll(page);
            if (page.size() < limit) {
                return changed;
            }
            Instant last = page.getLast().changedAt();
            if (page.getFirst().changedAt().equals(last)) {
                if (limit > Integer.MAX_VALUE / 2) {
                    throw new IllegalStateException("more than " + limit + " memories changed at " + last);
                }
                limit *= 2;
            } else {
                since = last.minusNanos(1);
                limit = PAGE;
            }
        }
    }
}
