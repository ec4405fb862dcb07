package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_APPEND_LOCK;
import static dev.opsbot.db.generated.Tables.AUDIT_CHAIN_START;
import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.HashChain;
import dev.opsbot.core.testing.contract.AuditLogContract;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link AuditLog} contract, tampering through SQL, plus what only the table shows: the columns copied out of
 * the event, an entry that does not read, reading in pages, a DBA's own statements. Each database's test class
 * supplies its {@link DatabaseExtension}.
 */
abstract class JooqAuditLogSuite extends AuditLogContract {
    private static final ElevationRefused REFUSED =
            new ElevationRefused(T0, "carol@example.com", Mode.WRITE, "production", null, null, "p-7", "no write role");

    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected AuditLog newLog() {
        return new JooqAuditLog(db().emptied());
    }

    @Override
    protected AuditLog anotherReplicaOf(AuditLog log) {
        return new JooqAuditLog(db().anotherReplica());
    }

    @Override
    protected Tampering tampering() {
        return new SqlTampering(sql());
    }

    private DSLContext sql() {
        return db().database().dsl();
    }

    @Test
    void rowKeepsTimeKindAndActorBesideTheEventAsTypedJsonAndItsHashes() {
        audit.record(REFUSED);

        var row = sql().fetchSingle(AUDIT_EVENT);

        assertThat(row.getSeq()).isEqualTo(1);
        assertThat(row.getAt()).isEqualTo(T0);
        assertThat(row.getKind()).isEqualTo("elevation_refused");
        assertThat(row.getActor()).isEqualTo("carol@example.com");
        assertThat(row.getEvent())
                .contains("\"type\":\"elevation_refused\"")
                .contains("\"at\":\"2026-03-10T02:40:00Z\"");
        assertThat(row.getPrevHash()).isEqualTo(HashChain.GENESIS);
        assertThat(row.getHash()).isEqualTo(HashChain.next(HashChain.GENESIS, row.getEvent()));
    }

    @Test
    void entryThatDoesNotReadFailsNamingItsSequence() {
        audit.record(REFUSED);
        // what a newer opsbot might have recorded: an event type this version does not know
        String json = "{\"actor\":\"bob@example.com\",\"at\":\"2026-03-10T02:40:01Z\",\"type\":\"proposal_executed\"}";
        String prev = sql().select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).fetchSingle(AUDIT_EVENT.HASH);
        sql().insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, 2L)
                .set(AUDIT_EVENT.AT, T0.plusSeconds(1))
                .set(AUDIT_EVENT.KIND, "proposal_executed")
                .set(AUDIT_EVENT.ACTOR, "bob@example.com")
                .set(AUDIT_EVENT.EVENT, json)
                .set(AUDIT_EVENT.PREV_HASH, prev)
                .set(AUDIT_EVENT.HASH, HashChain.next(prev, json))
                .execute();

        assertThatThrownBy(() -> audit.since(T0, 10))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("audit event 2 does not read as this version's AuditEvent");
        assertThat(audit.since(T0, 1)).extracting(AuditEntry::event).containsExactly((AuditEvent) REFUSED);
    }

    /**
     * The contract's racing reader rarely catches two writers committing out of order, the window is so short; this
     * holds it open. A writer in the middle of {@code record} holds the append lock: another record must wait for it.
     */
    @Test
    void recordWaitsForAWriterThatHoldsTheAppendLock() throws Exception {
        audit.record(REFUSED);
        AuditEvent next = new ElevationRefused(
                T0.plusSeconds(1), "dave@example.com", Mode.READ, "production", null, null, null, "no read role");
        var recording = new AtomicReference<CompletableFuture<Void>>();

        sql().transaction(writer -> {
            writer.dsl().selectFrom(AUDIT_APPEND_LOCK).forUpdate().fetch();
            recording.set(CompletableFuture.runAsync(() -> audit.record(next)));
            Thread.sleep(300);
            assertThat(recording.get())
                    .as("record while another writer holds the lock")
                    .isNotDone();
        });

        recording.get().get(10, TimeUnit.SECONDS);
        assertThat(audit.since(T0, 10)).extracting(AuditEntry::event).containsExactly(REFUSED, next);
    }

    @Test
    void scanReadsTheLogInPagesAndStillHandsOverEveryRecordOnceInOrder() {
        AuditLog paged = new JooqAuditLog(db().database(), JooqAuditLog.MAX_BATCH, 7);
        IntStream.range(0, 30).forEach(i -> paged.record(refusedBy("p" + i, i)));

        List<AuditRecord> scanned = new ArrayList<>();
        paged.scan(1, scanned::add);
        List<AuditRecord> since = new ArrayList<>();
        paged.scanSince(T0.plusSeconds(20), since::add);

        assertThat(scanned).extracting(AuditRecord::seq).containsExactlyElementsOf(sequence(1, 30));
        assertThat(since).extracting(AuditRecord::seq).containsExactlyElementsOf(sequence(21, 30));
        assertThat(paged.verify())
                .isEqualTo(new ChainCheck.Intact(30, 0, 30, scanned.getLast().hash()));
    }

    @Test
    void verifyInPagesFindsABreakInALaterPage() {
        AuditLog paged = new JooqAuditLog(db().database(), JooqAuditLog.MAX_BATCH, 7);
        IntStream.range(0, 30).forEach(i -> paged.record(refusedBy("p" + i, i)));

        sql().execute("DELETE FROM audit_event WHERE seq = 23");

        assertThat(paged.verify())
                .isInstanceOf(ChainCheck.Broken.class)
                .extracting("seq")
                .isEqualTo(23L);
    }

    /** What a DBA would type: an actor renamed inside the stored JSON, with PostgreSQL's and H2's REPLACE. */
    @Test
    void eventEditedWithPlainSqlIsCaught() {
        IntStream.range(0, 5).forEach(i -> audit.record(refusedBy("dba" + i, i)));

        int updated = sql().execute(
                        "UPDATE audit_event SET event = REPLACE(event, 'dba2@', 'someone-else@'), actor = 'someone-else@example.com'"
                                + " WHERE seq = 3");

        assertThat(updated).isEqualTo(1);
        assertThat(audit.verify().describe())
                .isEqualTo("audit log broken at record 3: its hash does not match its contents: its event, prev_hash"
                        + " or hash was changed after it was recorded");
    }

    @Test
    void rowDeletedWithPlainSqlIsCaught() {
        IntStream.range(0, 5).forEach(i -> audit.record(refusedBy("dba" + i, i)));

        sql().execute("DELETE FROM audit_event WHERE actor = 'dba1@example.com'");

        assertThat(audit.verify().describe())
                .isEqualTo("audit log broken at record 2: it is missing (the log goes from record 1 to record 3), so"
                        + " it was deleted");
    }

    @Test
    void rowsSwappedWithPlainSqlAreCaught() {
        IntStream.range(0, 5).forEach(i -> audit.record(refusedBy("dba" + i, i)));

        sql().execute("UPDATE audit_event SET seq = -4 WHERE seq = 4");
        sql().execute("UPDATE audit_event SET seq = 4 WHERE seq = 5");
        sql().execute("UPDATE audit_event SET seq = 5 WHERE seq = -4");

        assertThat(audit.verify().describe())
                .isEqualTo("audit log broken at record 4: its prev_hash is not the hash of record 3 before it: a"
                        + " record was deleted, inserted or moved here");
    }

    @Test
    void appendAfterADeletedHeadChainsToTheRecordNowLast() {
        IntStream.range(0, 3).forEach(i -> audit.record(refusedBy("h" + i, i)));
        sql().execute("DELETE FROM audit_event WHERE seq = 3");

        audit.record(refusedBy("after", 9));

        // a deleted head is invisible without an anchor kept elsewhere (docs/audit.md): the chain just goes on
        assertThat(audit.verify())
                .isInstanceOf(ChainCheck.Intact.class)
                .extracting("lastSeq")
                .isEqualTo(3L);
    }

    @Test
    void dbStoresWiresThisLog() {
        audit.record(REFUSED);

        assertThat(DbStores.of(db().database()).auditLog().since(T0, 10))
                .extracting(AuditEntry::event)
                .containsExactly((AuditEvent) REFUSED);
    }

    private static ElevationRefused refusedBy(String actor, int secondsAfterT0) {
        return new ElevationRefused(
                T0.plusSeconds(secondsAfterT0),
                actor + "@example.com",
                Mode.WRITE,
                "production",
                null,
                null,
                "p-" + secondsAfterT0,
                "no write role");
    }

    private static List<Long> sequence(long first, long last) {
        return java.util.stream.LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** The contract's tampering as SQL statements on the table, around the log. */
    private record SqlTampering(DSLContext sql) implements Tampering {
        @Override
        public void update(long seq, UnaryOperator<AuditRecord> change) {
            AuditRecord old = sql.selectFrom(AUDIT_EVENT)
                    .where(AUDIT_EVENT.SEQ.eq(seq))
                    .fetchSingle(row -> new AuditRecord(
                            row.getSeq(),
                            row.getAt(),
                            row.getKind(),
                            row.getActor(),
                            row.getEvent(),
                            row.getPrevHash(),
                            row.getHash()));
            AuditRecord changed = change.apply(old);
            sql.update(AUDIT_EVENT)
                    .set(AUDIT_EVENT.AT, changed.at())
                    .set(AUDIT_EVENT.KIND, changed.kind())
                    .set(AUDIT_EVENT.ACTOR, changed.actor())
                    .set(AUDIT_EVENT.EVENT, changed.event())
                    .set(AUDIT_EVENT.PREV_HASH, changed.prevHash())
                    .set(AUDIT_EVENT.HASH, changed.hash())
                    .where(AUDIT_EVENT.SEQ.eq(seq))
                    .execute();
        }

        @Override
        public void renumber(long from, long to) {
            sql.update(AUDIT_EVENT)
                    .set(AUDIT_EVENT.SEQ, to)
                    .where(AUDIT_EVENT.SEQ.eq(from))
                    .execute();
        }

        @Override
        public void delete(long seq) {
            sql.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).execute();
        }

        @Override
        public void insert(AuditRecord forged) {
            sql.insertInto(AUDIT_EVENT)
                    .set(AUDIT_EVENT.SEQ, forged.seq())
                    .set(AUDIT_EVENT.AT, forged.at())
                    .set(AUDIT_EVENT.KIND, forged.kind())
                    .set(AUDIT_EVENT.ACTOR, forged.actor())
                    .set(AUDIT_EVENT.EVENT, forged.event())
                    .set(AUDIT_EVENT.PREV_HASH, forged.prevHash())
                    .set(AUDIT_EVENT.HASH, forged.hash())
                    .execute();
        }

        @Override
        public void writtenBeforeTheChainThrough(long seq) {
            sql.deleteFrom(AUDIT_CHAIN_START).execute();
            sql.insertInto(AUDIT_CHAIN_START)
                    .set(AUDIT_CHAIN_START.ID, (short) 1)
                    .set(AUDIT_CHAIN_START.UNCHAINED_THROUGH, seq)
                    .execute();
        }
    }
}
