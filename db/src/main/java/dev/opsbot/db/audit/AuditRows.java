package dev.opsbot.db.audit;

import static dev.opsbot.db.generated.Tables.AUDIT_CHAIN_START;
import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;

import dev.opsbot.core.audit.AuditRecord;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.impl.DSL;

/**
 * Reads {@code audit_event} in pages of consecutive numbers ({@code seq >= next ORDER BY seq LIMIT n}), so that a
 * log of any size streams through in constant memory (two pages at most), the same way on H2 and PostgreSQL and
 * without a transaction held open for the whole read. Records appended while a read runs are read too; nothing is
 * read twice.
 */
final class AuditRows {
    private final DSLContext dsl;
    private final int pageSize;

    AuditRows(DSLContext dsl, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one record, was " + pageSize);
        }
        this.dsl = dsl;
        this.pageSize = pageSize;
    }

    /**
     * Hands every record numbered {@code fromSeq} or higher that meets {@code condition} to {@code sink}, in order,
     * until {@code stop} says so (checked between pages).
     */
    void scan(long fromSeq, Condition condition, Consumer<? super AuditRecord> sink, BooleanSupplier stop) {
        // the next page is read on another thread while the sink takes this one: reading and checking (or writing
        // out) each cost about half of a verify, and a second core can do one while the first does the other
        try (ExecutorService reader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("audit-reader").factory())) {
            Future<List<AuditRecord>> next = reader.submit(() -> page(fromSeq, condition));
            while (true) {
                List<AuditRecord> page = result(next);
                boolean last = page.size() < pageSize;
                if (!last) {
                    long after = page.getLast().seq() + 1;
                    next = reader.submit(() -> page(after, condition));
                }
                page.forEach(sink);
                if (last || stop.getAsBoolean()) {
                    next.cancel(false);
                    return;
                }
            }
        }
    }

    /** The page, or the reader's failure as it was thrown (a jOOQ exception the log translates). */
    private static List<AuditRecord> result(Future<List<AuditRecord>> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the audit log", e);
        }
    }

    private List<AuditRecord> page(long fromSeq, Condition condition) {
        return dsl.select(
                        AUDIT_EVENT.SEQ,
                        AUDIT_EVENT.AT,
                        AUDIT_EVENT.KIND,
                        AUDIT_EVENT.ACTOR,
                        AUDIT_EVENT.EVENT,
                        AUDIT_EVENT.PREV_HASH,
                        AUDIT_EVENT.HASH)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.SEQ.ge(fromSeq).and(condition))
                .orderBy(AUDIT_EVENT.SEQ)
                .limit(pageSize)
                .fetch(AuditRows::toRecord);
    }

    private static AuditRecord toRecord(Record7<Long, java.time.Instant, String, String, String, String, String> row) {
        return new AuditRecord(
                row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6(), row.value7());
    }

    /** The last record written before the chain existed, as the chain's migration found it; 0 when none was. */
    long unchainedThrough() {
        return dsl.select(AUDIT_CHAIN_START.UNCHAINED_THROUGH)
                .from(AUDIT_CHAIN_START)
                .where(AUDIT_CHAIN_START.ID.eq((short) 1))
                .fetchOptional(AUDIT_CHAIN_START.UNCHAINED_THROUGH)
                .orElse(0L);
    }

    static Condition all() {
        return DSL.noCondition();
    }
}
