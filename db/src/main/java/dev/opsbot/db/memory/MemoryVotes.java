package dev.opsbot.db.memory;

import static dev.opsbot.db.generated.Tables.MEMORY_ITEM;
import static dev.opsbot.db.generated.Tables.MEMORY_VOTE;

import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.internal.Inserts;
import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Votes in table {@code memory_vote}, one row per memory and person. Each step is one statement the database decides
 * alone, so no transaction is needed: of racing deliveries of one vote exactly one inserts it, a changed mind is an
 * update that only matches a vote of the other kind, and votes of different people are different rows. The counts
 * are counted from these rows when read, so they cannot drift.
 */
final class MemoryVotes {
    private final DSLContext dsl;

    MemoryVotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param at already cut to {@link Micros} */
    boolean vote(String id, String voter, int vote, Instant at) {
        if (!dsl.fetchExists(MEMORY_ITEM, MEMORY_ITEM.ID.eq(id).and(MEMORY_ITEM.FORGOTTEN.isFalse()))) {
            return false;
        }
        boolean changed;
        try {
            changed = vote == 0 ? takeBack(id, voter) : cast(id, voter, (short) vote, at);
        } catch (DatabaseException refused) {
            // the foreign key: the memory's tombstone was purged since we looked
            if (!dsl.fetchExists(MEMORY_ITEM, MEMORY_ITEM.ID.eq(id))) {
                return false;
            }
            throw refused;
        }
        // only after the vote is written: a replica that sees the new changed_at then also sees the vote
        return !changed || touch(id, at);
    }

    private boolean cast(String id, String voter, short vote, Instant at) {
        return Inserts.ifAbsent(dsl.insertInto(MEMORY_VOTE)
                        .set(MEMORY_VOTE.MEMORY_ID, id)
                        .set(MEMORY_VOTE.VOTER, voter)
                        .set(MEMORY_VOTE.VOTE, vote)
                        .set(MEMORY_VOTE.VOTED_AT, at))
                || dsl.update(MEMORY_VOTE)
                                .set(MEMORY_VOTE.VOTE, vote)
                                .set(MEMORY_VOTE.VOTED_AT, at)
                                .where(key(id, voter))
                                .and(MEMORY_VOTE.VOTE.ne(vote))
                                .execute()
                        == 1;
    }

    private boolean takeBack(String id, String voter) {
        return dsl.deleteFrom(MEMORY_VOTE).where(key(id, voter)).execute() == 1;
    }

    /** {@code false} when the memory was forgotten meanwhile: its tombstone keeps the time it was forgotten. */
    private boolean touch(String id, Instant at) {
        return dsl.update(MEMORY_ITEM)
                        .set(
                                MEMORY_ITEM.CHANGED_AT,
                                DSL.greatest(MEMORY_ITEM.CHANGED_AT, DSL.val(at, MEMORY_ITEM.CHANGED_AT)))
                        .where(MEMORY_ITEM.ID.eq(id))
                        .and(MEMORY_ITEM.FORGOTTEN.isFalse())
                        .execute()
                == 1;
    }

    private static Condition key(String id, String voter) {
        return MEMORY_VOTE.MEMORY_ID.eq(id).and(MEMORY_VOTE.VOTER.eq(voter));
    }
}
