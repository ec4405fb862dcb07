package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_APPEND_LOCK;
import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.testing.contract.AuditLogContract;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link AuditLog} contract, plus what only the table shows: the columns copied out of the event, the JSON's
 * type, an entry that does not read. Each database's test class supplies its {@link DatabaseExtension}.
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

    private DSLContext sql() {
        return db().database().dsl();
    }

    @Test
    void rowKeepsTimeKindAndActorBesideTheEventAsTypedJson() {
        audit.record(REFUSED);

        var row = sql().fetchSingle(AUDIT_EVENT);

        assertThat(row.getAt()).isEqualTo(T0);
        assertThat(row.getKind()).isEqualTo("elevation_refused");
        assertThat(row.getActor()).isEqualTo("carol@example.com");
        assertThat(row.getEvent())
                .contains("\"type\":\"elevation_refused\"")
                .contains("\"at\":\"2026-03-10T02:40:00Z\"");
    }

    @Test
    void entryThatDoesNotReadFailsNamingItsSequence() {
        audit.record(REFUSED);
        // what a newer opsbot might have recorded: an event type this version does not know
        long unknown = sql().insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, T0.plusSeconds(1))
                .set(AUDIT_EVENT.KIND, "proposal_executed")
                .set(AUDIT_EVENT.ACTOR, "bob@example.com")
                .set(AUDIT_EVENT.EVENT, "{\"type\":\"proposal_executed\",\"at\":\"2026-03-10T02:40:01Z\"}")
                .execute();

        assertThat(unknown).isEqualTo(1);
        long sequence = sql().select(AUDIT_EVENT.SEQ)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.KIND.eq("proposal_executed"))
                .fetchSingle(AUDIT_EVENT.SEQ);
        assertThatThrownBy(() -> audit.since(T0, 10))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("audit event " + sequence + " does not read as this version's AuditEvent");
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
    void dbStoresWiresThisLog() {
        audit.record(REFUSED);

        assertThat(DbStores.of(db().database()).auditLog().since(T0, 10))
                .extracting(AuditEntry::event)
                .containsExactly((AuditEvent) REFUSED);
    }
}
