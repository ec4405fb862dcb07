package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.HashChain;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.testing.ThrowawayDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V3 on a database that V2 already wrote audit rows to: those rows keep no hash, are reported as written before the
 * chain, and the chain starts after them. Each database's test class supplies the storage.
 */
abstract class AuditChainMigrationSuite {
    private static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    private ThrowawayDatabase storage;
    private Database database;

    protected abstract ThrowawayDatabase newStorage();

    @BeforeEach
    void databaseAtVersionTwo() {
        storage = newStorage();
        Flyway.configure()
                .dataSource(storage.jdbcUrl(), storage.user(), storage.password())
                .locations("classpath:db/migrations")
                .target("2")
                .load()
                .migrate();
        database = new Database(storage.jdbcUrl(), storage.user(), storage.password(), 2);
    }

    @AfterEach
    void discard() {
        database.close();
        storage.close();
    }

    @Test
    void rowsWrittenBeforeTheChainAreReportedAndTheChainStartsAfterThem() {
        writeAsVersionTwo(asked("alice", 0));
        writeAsVersionTwo(asked("bob", 1));

        database.migrate();
        JooqAuditLog audit = new JooqAuditLog(database);
        audit.record(asked("carol", 2));

        List<AuditRecord> records = new ArrayList<>();
        audit.scan(1, records::add);
        assertThat(records).extracting(AuditRecord::unchained).containsExactly(true, true, false);
        AuditRecord first = records.get(2);
        assertThat(first.seq()).isEqualTo(records.get(1).seq() + 1);
        assertThat(first.prevHash()).isEqualTo(HashChain.GENESIS);
        assertThat(audit.verify()).isEqualTo(new ChainCheck.Intact(1, 2, first.seq(), first.hash()));
        assertThat(audit.since(T0, 10)).hasSize(3);
    }

    @Test
    void migratingAnEmptyLogLeavesNoRowsBeforeTheChain() {
        database.migrate();
        JooqAuditLog audit = new JooqAuditLog(database);

        assertThat(audit.verify()).isEqualTo(new ChainCheck.Intact(0, 0, 0, HashChain.GENESIS));
        audit.record(asked("alice", 0));
        assertThat(audit.verify())
                .isInstanceOf(ChainCheck.Intact.class)
                .extracting("unchained")
                .isEqualTo(0L);
    }

    /** A replica still running the previous version sends no seq: its insert fails instead of breaking the chain. */
    @Test
    void aWriterOfThePreviousVersionCanNoLongerInsert() {
        database.migrate();

        assertThatThrownBy(() -> writeAsVersionTwo(asked("old", 0))).isInstanceOf(DatabaseException.class);
    }

    /** V2's own insert: no seq (its identity column gave one), no hashes. */
    private void writeAsVersionTwo(AuditEvent event) {
        database.dsl()
                .insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, event.at())
                .set(AUDIT_EVENT.KIND, event.kind())
                .set(AUDIT_EVENT.ACTOR, event.actor())
                .set(AUDIT_EVENT.EVENT, CanonicalJson.of(event))
                .execute();
    }

    private static AuditEvent asked(String actor, int secondsAfterT0) {
        return new AuditEvent.QuestionAsked(T0.plusSeconds(secondsAfterT0), actor, "console/C/t", "what changed?");
    }
}
