package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_APPEND_LOCK;
import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;

import dev.opsbot.core.audit.HashChain;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.internal.Inserts;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * Appends events to the chain in one transaction: takes the append lock, reads the last record's number and hash,
 * chains the events after it and inserts them in one statement. The lock makes every writer on every replica
 * read the head only after the previous writer committed, so the chain never forks and {@code seq} order is commit
 * order.
 */
final class ChainAppender {
    private static final short LOCK_ROW = 1;
    private static final int LOCK_ATTEMPTS = 3;

    /** An event ready to append: its canonical JSON and the columns copied out of it. */
    record Prepared(Instant at, String kind, String actor, String json) {}

    private final DSLContext dsl;

    ChainAppender(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Appends and commits. The transaction runs on a connection taken from the pool beforehand: jOOQ's own
     * {@code transaction} on the pool asks it again to roll back, so a database that does not answer would cost
     * three connection timeouts instead of one.
     */
    void append(List<Prepared> events) {
        dsl.connection(connection -> DSL.using(dsl.configuration().derive(new DefaultConnectionProvider(connection)))
                .transaction(transaction -> insert(transaction.dsl(), events)));
    }

    private static void insert(DSLContext tx, List<Prepared> events) {
        takeAppendLock(tx);
        Record2<Long, String> head = tx.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.HASH)
                .from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(1)
                .fetchOne();
        long seq = head == null ? 0 : head.value1();
        // after rows written before the chain (or none), the chain starts from 64 zeros
        String prev = head == null || head.value2() == null ? HashChain.GENESIS : head.value2();
        InsertValuesStep7<?, Long, Instant, String, String, String, String, String> insert = tx.insertInto(
                AUDIT_EVENT,
                AUDIT_EVENT.SEQ,
                AUDIT_EVENT.AT,
                AUDIT_EVENT.KIND,
                AUDIT_EVENT.ACTOR,
                AUDIT_EVENT.EVENT,
                AUDIT_EVENT.PREV_HASH,
                AUDIT_EVENT.HASH);
        for (Prepared event : events) {
            String hash = HashChain.next(prev, event.json());
            insert = insert.values(++seq, event.at(), event.kind(), event.actor(), event.json(), prev, hash);
            prev = hash;
        }
        insert.execute();
    }

    /**
     * Locks the one row of {@code audit_append_lock} until the transaction ends. The first writer (or the first after
     * someone emptied the table) inserts the row and holds it that way; a writer whose insert lost to another's waits
     * for that one to commit, then locks the row it can now see.
     */
    private static void takeAppendLock(DSLContext tx) {
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            boolean locked = tx.selectFrom(AUDIT_APPEND_LOCK)
                    .where(AUDIT_APPEND_LOCK.ID.eq(LOCK_ROW))
                    .forUpdate()
                    .fetchOptional()
                    .isPresent();
            if (locked || Inserts.ifAbsent(tx.insertInto(AUDIT_APPEND_LOCK).set(AUDIT_APPEND_LOCK.ID, LOCK_ROW))) {
                return;
            }
        }
        throw new DatabaseException(
                "the audit log's append lock (table audit_append_lock, row id 1) could not be taken in " + LOCK_ATTEMPTS
                        + " attempts: its row keeps disappearing",
                true,
                null);
    }
}
