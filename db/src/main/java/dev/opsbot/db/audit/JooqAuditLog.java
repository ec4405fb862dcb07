package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_APPEND_LOCK;
import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.internal.Inserts;
import dev.opsbot.db.internal.SqlErrors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * The audit log in table {@code audit_event}, each event as JSON with its {@code type}. Append-only: this class
 * inserts and reads, nothing else. Every insert holds the row lock of {@code audit_append_lock} until it commits, so
 * that {@code seq} order is commit order across replicas: a reader that has seen an entry has seen every entry
 * before it.
 */
public final class JooqAuditLog implements AuditLog {
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final short LOCK_ROW = 1;
    private static final int LOCK_ATTEMPTS = 3;

    private final DSLContext dsl;
    private final String databaseUrl;

    /**
     * Takes the database, not only its {@link Database#dsl()} as the other stores do: a failure to take a connection
     * for a transaction, or to commit it, passes no statement listener, so this class translates it itself and needs
     * the URL to name.
     */
    public JooqAuditLog(Database database) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
        this.databaseUrl = database.url();
    }

    /**
     * Returns once the event is committed; a failure to record it is thrown, never swallowed. The transaction runs on
     * a connection taken from the pool beforehand: jOOQ's own {@code transaction} on the pool asks it again to roll
     * back, so a database that does not answer would cost three connection timeouts instead of one.
     */
    @Override
    public void record(AuditEvent event) {
        String json = write(event);
        try {
            dsl.connection(
                    connection -> DSL.using(dsl.configuration().derive(new DefaultConnectionProvider(connection)))
                            .transaction(transaction -> append(transaction.dsl(), event, json)));
        } catch (DataAccessException e) {
            // begin, commit and taking the connection run no statement, so the error listener never saw them
            throw SqlErrors.translate(e, databaseUrl);
        }
    }

    private static void append(DSLContext tx, AuditEvent event, String json) {
        takeAppendLock(tx);
        tx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, event.at())
                .set(AUDIT_EVENT.KIND, event.kind())
                .set(AUDIT_EVENT.ACTOR, event.actor())
                .set(AUDIT_EVENT.EVENT, json)
                .execute();
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

    @Override
    public List<AuditEntry> since(Instant since, int limit) {
        return dsl.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.EVENT)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.AT.ge(since))
                .orderBy(AUDIT_EVENT.SEQ)
                .limit(Math.max(0, limit))
                .fetch(row -> new AuditEntry(row.value1(), read(row.value1(), row.value2())));
    }

    private static String write(AuditEvent event) {
        try {
            // written as the interface, so that the JSON carries the "type" the event reads back by
            return JSON.writerFor(AuditEvent.class).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(event.kind() + " event cannot be written as JSON", e);
        }
    }

    /** An entry that does not read is an error, not a gap: an audit log must not skip what it cannot show. */
    private static AuditEvent read(long sequence, String json) {
        try {
            return JSON.readValue(json, AuditEvent.class);
        } catch (JsonProcessingException e) {
            throw new DatabaseException(
                    "audit event " + sequence + " does not read as this version's AuditEvent: "
                            + e.getOriginalMessage(),
                    false,
                    e);
        }
    }
}
