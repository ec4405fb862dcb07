package dev.opsbot.db.memory;

import static dev.opsbot.db.generated.Tables.MEMORY_ITEM;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.db.DuplicateKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Team memory in tables {@code memory_item} and {@code memory_vote}, shared by every replica, keeping
 * {@code MemoryStoreContract}'s rules. Forgetting leaves a tombstone that {@link #changedSince} reports, so that every
 * replica's index drops the memory; {@link #purgeForgotten} deletes tombstones once all have had time to see them.
 * No write needs a transaction: each statement is one the database decides alone (votes: see {@link MemoryVotes}),
 * and {@code changed_at} only ever moves forwards.
 */
public final class JooqMemoryStore implements MemoryStore {
    // PostgreSQL's timestamps start in 4713 BC: a since before this is "from the beginning", not a bound to send
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");

    private final DSLContext dsl;
    private final MemoryVotes votes;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqMemoryStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.votes = new MemoryVotes(dsl);
    }

    /**
     * @throws IllegalArgumentException for an item with uses or votes, or an empty or non-finite vector
     * @throws DuplicateKeyException when the id is taken (by a forgotten memory too, until it is purged)
     */
    @Override
    public void add(MemoryItem item, float[] vector, Instant at) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(at, "at");
        if (item.uses() != 0 || item.upVotes() != 0 || item.downVotes() != 0) {
            throw new IllegalArgumentException("memory " + item.id() + " is new: it cannot have uses or votes yet");
        }
        try {
            dsl.insertInto(MEMORY_ITEM)
                    .set(MemoryRows.toRecord(dsl, item, vector, at))
                    .execute();
        } catch (DuplicateKeyException taken) {
            throw new DuplicateKeyException("memory " + item.id() + " exists already", taken);
        }
    }

    @Override
    public Optional<MemoryItem> find(String id) {
        Objects.requireNonNull(id, "id");
        return dsl.select(MemoryRows.ITEM)
                .from(MEMORY_ITEM)
                .where(MEMORY_ITEM.ID.eq(id))
                .and(MEMORY_ITEM.FORGOTTEN.isFalse())
                .fetchOptional(MemoryRows::toItem);
    }

    @Override
    public boolean forget(String id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return dsl.update(MEMORY_ITEM)
                        .set(MEMORY_ITEM.FORGOTTEN, true)
                        .set(MEMORY_ITEM.CHANGED_AT, later(at))
                        .where(MEMORY_ITEM.ID.eq(id))
                        .and(MEMORY_ITEM.FORGOTTEN.isFalse())
                        .execute()
                == 1;
    }

    /** Only memories scoped to exactly {@code service} when it is not null. */
    @Override
    public List<MemoryItem> list(String team, String service, int limit) {
        Objects.requireNonNull(team, "team");
        if (limit < 1) {
            return List.of();
        }
        Condition ofService = service == null ? DSL.noCondition() : MEMORY_ITEM.SERVICE.eq(service);
        return dsl.select(MemoryRows.ITEM)
                .from(MEMORY_ITEM)
                .where(MEMORY_ITEM.TEAM.eq(team))
                .and(ofService)
                .and(MEMORY_ITEM.FORGOTTEN.isFalse())
                .orderBy(MEMORY_ITEM.LEARNED_AT.desc(), MEMORY_ITEM.ID.desc())
                .limit(limit)
                .fetch(MemoryRows::toItem);
    }

    /**
     * Exclusive of {@code since}; more than {@code limit} only to finish the last instant, so that asking again from
     * the last {@code changedAt} misses nothing (see {@code MemoryStoreContract}).
     */
    @Override
    public List<StoredMemory> changedSince(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            return List.of();
        }
        // cut, not rounded: a row at t (whole microseconds) is after since exactly when it is after since cut
        Condition after = since.isBefore(BEGINNING) ? DSL.noCondition() : MEMORY_ITEM.CHANGED_AT.gt(Micros.of(since));
        List<StoredMemory> page = new ArrayList<>(dsl.select(MemoryRows.STORED)
                .from(MEMORY_ITEM)
                .where(after)
                .orderBy(MEMORY_ITEM.CHANGED_AT, MEMORY_ITEM.ID)
                .limit(limit)
                .fetch(MemoryRows::toStored));
        if (page.size() == limit) {
            StoredMemory last = page.get(page.size() - 1);
            page.addAll(dsl.select(MemoryRows.STORED)
                    .from(MEMORY_ITEM)
                    .where(MEMORY_ITEM.CHANGED_AT.eq(last.changedAt()))
                    .and(MEMORY_ITEM.ID.gt(last.item().id()))
                    .orderBy(MEMORY_ITEM.ID)
                    .fetch(MemoryRows::toStored));
        }
        return page;
    }

    /**
     * Each listed memory once, unknown and forgotten ones passed over. One statement per memory, each its own
     * transaction: no statement holds two rows' locks, so replicas citing overlapping memories cannot deadlock, and
     * each increment waits for the other's row lock and adds to what it committed.
     */
    @Override
    public void cited(List<String> ids, Instant at) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(at, "at");
        Field<Instant> changedAt = later(at);
        for (String id : new LinkedHashSet<>(ids)) {
            dsl.update(MEMORY_ITEM)
                    .set(MEMORY_ITEM.USES, MEMORY_ITEM.USES.plus(1))
                    .set(MEMORY_ITEM.CHANGED_AT, changedAt)
                    .where(MEMORY_ITEM.ID.eq(Objects.requireNonNull(id, "id")))
                    .and(MEMORY_ITEM.FORGOTTEN.isFalse())
                    .execute();
        }
    }

    /** @throws IllegalArgumentException for a vote other than -1, 0 or +1, or a blank voter */
    @Override
    public boolean vote(String id, String voter, int vote, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(at, "at");
        if (voter.isBlank()) {
            throw new IllegalArgumentException("a vote on memory " + id + " needs a voter");
        }
        if (vote < -1 || vote > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or +1, not " + vote);
        }
        return votes.vote(id, voter, vote, Micros.of(at));
    }

    /**
     * Deletes the tombstones of memories forgotten before {@code before}, with their votes. Run it daily on any
     * replica with {@code before} a day ago: a replica whose index has not caught up for longer than that cannot
     * learn of those memories' forgetting any more, and must load its index again from the beginning.
     *
     * @return how many tombstones were deleted
     */
    public int purgeForgotten(Instant before) {
        Objects.requireNonNull(before, "before");
        return dsl.deleteFrom(MEMORY_ITEM)
                .where(MEMORY_ITEM.FORGOTTEN.isTrue())
                .and(MEMORY_ITEM.CHANGED_AT.lt(Micros.of(before)))
                .execute();
    }

    /** {@code changed_at} never moves backwards, whatever another replica's clock says. */
    private static Field<Instant> later(Instant at) {
        return DSL.greatest(MEMORY_ITEM.CHANGED_AT, DSL.val(Micros.of(at), MEMORY_ITEM.CHANGED_AT));
    }
}
