package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.VERDICT;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.generated.tables.records.VerdictRecord;
import dev.opsbot.db.internal.Timestamps;
import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A {@link Verdict} as a row of {@code verdict} and back. The cause is kept by its name in the triage vocabulary
 * ({@code oom}), instants to the microsecond; text longer than its column is refused before the database sees it,
 * naming the field.
 */
final class VerdictRows {
    private VerdictRows() {}

    static VerdictRecord toRecord(DSLContext dsl, Verdict verdict) {
        VerdictRecord row = dsl.newRecord(VERDICT);
        row.setPlatform(verdict.thread().platform());
        row.setChannel(verdict.thread().channel());
        row.setThreadId(verdict.thread().thread());
        row.setService(fitting(VERDICT.SERVICE, verdict.service(), verdict.thread()));
        row.setNamespace(fitting(VERDICT.NAMESPACE, verdict.namespace(), verdict.thread()));
        row.setQuestion(fitting(VERDICT.QUESTION, verdict.question(), verdict.thread()));
        row.setAsker(fitting(VERDICT.ASKER, verdict.asker(), verdict.thread()));
        row.setCause(verdict.cause().jsonName());
        row.setConfidence(verdict.confidence());
        row.setSummary(fitting(VERDICT.SUMMARY, verdict.summary(), verdict.thread()));
        row.setCulprit(fitting(VERDICT.CULPRIT, verdict.culprit(), verdict.thread()));
        row.setFix(fitting(VERDICT.FIX, verdict.fix(), verdict.thread()));
        Instant at = Timestamps.cut(verdict.at());
        row.setAt(at);
        row.setChangedAt(at);
        if (verdict.resolved()) {
            Instant resolvedAt = Timestamps.cut(verdict.resolvedAt());
            row.setResolvedAt(resolvedAt);
            row.setResolvedBy(fitting(VERDICT.RESOLVED_BY, verdict.resolvedBy(), verdict.thread()));
            row.setChangedAt(resolvedAt.isAfter(at) ? resolvedAt : at);
        }
        return row;
    }

    /** A row this version cannot read (another opsbot version wrote it) fails naming the thread. */
    static Verdict toVerdict(VerdictRecord row) {
        ThreadRef thread = new ThreadRef(row.getPlatform(), row.getChannel(), row.getThreadId());
        try {
            return new Verdict(
                    thread,
                    row.getService(),
                    row.getNamespace(),
                    row.getQuestion(),
                    row.getAsker(),
                    Cause.fromJsonName(row.getCause()),
                    row.getConfidence(),
                    row.getSummary(),
                    row.getCulprit(),
                    row.getFix(),
                    row.getAt(),
                    row.getResolvedAt(),
                    row.getResolvedBy());
        } catch (IllegalArgumentException unreadable) {
            throw new DatabaseException(
                    "verdict " + row.getSeq() + " of thread " + thread + " does not read as this version's Verdict: "
                            + unreadable.getMessage(),
                    false,
                    unreadable);
        }
    }

    static Condition inThread(ThreadRef thread) {
        return VERDICT.PLATFORM
                .eq(thread.platform())
                .and(VERDICT.CHANNEL.eq(thread.channel()))
                .and(VERDICT.THREAD_ID.eq(thread.thread()));
    }

    /** @throws IllegalArgumentException when the text is longer than its column: a clear error, not a SQL one */
    static String fitting(Field<String> column, String text, ThreadRef thread) {
        int room = column.getDataType().length();
        if (text != null && text.length() > room) {
            throw new IllegalArgumentException("the verdict of thread " + thread + " has a " + column.getName() + " of "
                    + text.length() + " characters; at most " + room + " are kept");
        }
        return text;
    }
}
