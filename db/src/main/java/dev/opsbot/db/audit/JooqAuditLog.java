package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainAnchor;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.ChainVerifier;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DatabaseUnavailableException;
import dev.opsbot.db.internal.SqlErrors;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The audit log in table {@code audit_event}: each event as canonical JSON with the hash chain beside it
 * (docs/audit.md). Append-only: this class inserts and reads, nothing else. Appends hold the row lock of
 * {@code audit_append_lock} until they commit, so that across replicas {@code seq} order is commit order and each
 * record chains to the one committed before it.
 *
 * <p>Concurrent {@link #record} calls on one instance are committed together ({@link GroupCommit}): a commit waits
 * for the disk, and many events share that wait instead of queueing for the lock one transaction each.
 */
public final class JooqAuditLog implements AuditLog {
    /** The most events one transaction appends unless told otherwise. */
    public static final int MAX_BATCH = 256;

    static final int PAGE_SIZE = 2_000;
    // the event column is VARCHAR(65536)
    private static final int MAX_EVENT_CHARS = 65_536;

    private final DSLContext dsl;
    private final String databaseUrl;
    private final AuditRows rows;
    private final GroupCommit<ChainAppender.Prepared> commits;

    /**
     * Takes the database, not only its {@link Database#dsl()} as the other stores do: a failure to take a connection
     * for a transaction, or to commit it, passes no statement listener, so this class translates it itself and needs
     * the URL to name.
     */
    public JooqAuditLog(Database database) {
        this(database, MAX_BATCH, PAGE_SIZE);
    }

    /**
     * @param maxBatch the most events one transaction appends; {@code 1} is a transaction per event, what the
     *     benchmark compares group commit with
     */
    public JooqAuditLog(Database database, int maxBatch) {
        this(database, maxBatch, PAGE_SIZE);
    }

    JooqAuditLog(Database database, int maxBatch, int pageSize) {
        Objects.requireNonNull(database, "database");
        this.dsl = database.dsl();
        this.databaseUrl = database.url();
        this.rows = new AuditRows(dsl, pageSize);
        ChainAppender appender = new ChainAppender(dsl);
        this.commits = new GroupCommit<>(
                batch -> translated(() -> {
                    appender.append(batch);
                    return null;
                }),
                failure -> failure instanceof DatabaseUnavailableException,
                maxBatch,
                "audit-writer");
    }

    /** Returns once the event is committed; a failure to record it is thrown, never swallowed. */
    @Override
    public void record(AuditEvent event) {
        String json = CanonicalJson.of(event);
        if (json.length() > MAX_EVENT_CHARS) {
            throw new IllegalArgumentException(event.kind() + " event is " + json.length()
                    + " characters as JSON; the audit log holds at most " + MAX_EVENT_CHARS
                    + " per event: shorten its longest field");
        }
        commits.submit(new ChainAppender.Prepared(event.at(), event.kind(), event.actor(), json));
    }

    @Override
    public List<AuditEntry> since(Instant since, int limit) {
        return translated(() -> dsl.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.EVENT)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.AT.ge(since))
                .orderBy(AUDIT_EVENT.SEQ)
                .limit(Math.max(0, limit))
                .fetch(row -> new AuditEntry(row.value1(), read(row.value1(), row.value2()))));
    }

    @Override
    public void scan(long fromSeq, Consumer<? super AuditRecord> sink) {
        translated(() -> {
            rows.scan(fromSeq, AuditRows.all(), sink, () -> false);
            return null;
        });
    }

    @Override
    public void scanSince(Instant since, Consumer<? super AuditRecord> sink) {
        translated(() -> {
            rows.scan(1, AUDIT_EVENT.AT.ge(since), sink, () -> false);
            return null;
        });
    }

    /** Streams the log through a {@link ChainVerifier}, stopping at the first broken record. */
    @Override
    public ChainCheck verify(Collection<ChainAnchor> anchors) {
        return translated(() -> {
            ChainVerifier verifier = new ChainVerifier(rows.unchainedThrough(), anchors);
            rows.scan(1, AuditRows.all(), verifier, verifier::isBroken);
            return verifier.result();
        });
    }

    /** An entry that does not read is an error, not a gap: an audit log must not skip what it cannot show. */
    private static AuditEvent read(long sequence, String json) {
        try {
            return CanonicalJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException(
                    "audit event " + sequence + " does not read as this version's AuditEvent: " + e.getMessage(),
                    false,
                    e);
        }
    }

    /** Begin, commit and taking a connection run no statement, so the error listener never saw their failures. */
    private <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw SqlErrors.translate(e, databaseUrl);
        }
    }
}
