package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.VERDICT;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.db.internal.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Verdicts in table {@code verdict}, one row per investigation; a thread's latest is its row with the highest
 * {@code seq}. {@link #resolve} is one conditional update of that row, which exactly one of racing callers wins.
 */
public final class JooqVerdictStore implements VerdictStore {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqVerdictStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** @throws IllegalArgumentException when a text is longer than its column (the question: 40,000 characters) */
    @Override
    public void record(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        dsl.insertInto(VERDICT).set(VerdictRows.toRecord(dsl, verdict)).execute();
    }

    @Override
    public Optional<Verdict> latest(ThreadRef thread) {
        Objects.requireNonNull(thread, "thread");
        return dsl.selectFrom(VERDICT)
                .where(VerdictRows.inThread(thread))
                .orderBy(VERDICT.SEQ.desc())
                .limit(1)
                .fetchOptional(VerdictRows::toVerdict);
    }

    /** Ties in the last change go to the verdict recorded later. */
    @Override
    public List<Verdict> since(String platform, String channel, Instant since, int limit) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            return List.of();
        }
        var newer = VERDICT.as("newer");
        return dsl.selectFrom(VERDICT)
                .where(VERDICT.PLATFORM.eq(platform))
                .and(VERDICT.CHANNEL.eq(channel))
                .and(VERDICT.CHANGED_AT.ge(Timestamps.atOrAfter(since)))
                .andNotExists(DSL.selectOne()
                        .from(newer)
                        .where(newer.PLATFORM.eq(VERDICT.PLATFORM))
                        .and(newer.CHANNEL.eq(VERDICT.CHANNEL))
                        .and(newer.THREAD_ID.eq(VERDICT.THREAD_ID))
                        .and(newer.SEQ.gt(VERDICT.SEQ)))
                .orderBy(VERDICT.CHANGED_AT.desc(), VERDICT.SEQ.desc())
                .limit(limit)
                .fetch(VerdictRows::toVerdict);
    }

    /**
     * Finds the latest verdict's {@code seq}, then updates that row only while it is unresolved: both databases
     * re-check the condition after waiting for the row lock, so of racing resolvers exactly one updates it. (A new
     * verdict recorded between the two statements stays open, to be resolved by the next caller.)
     *
     * @throws IllegalArgumentException when {@code by} is longer than its column
     */
    @Override
    public boolean resolve(ThreadRef thread, String by, Instant at) {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        VerdictRows.fitting(VERDICT.RESOLVED_BY, by, thread);
        Optional<Long> latest = dsl.select(VERDICT.SEQ)
                .from(VERDICT)
                .where(VerdictRows.inThread(thread))
                .orderBy(VERDICT.SEQ.desc())
                .limit(1)
                .fetchOptional(VERDICT.SEQ);
        if (latest.isEmpty()) {
            return false;
        }
        Instant resolvedAt = Timestamps.cut(at);
        return dsl.update(VERDICT)
                        .set(VERDICT.RESOLVED_AT, resolvedAt)
                        .set(VERDICT.RESOLVED_BY, by)
                        .set(
                                VERDICT.CHANGED_AT,
                                DSL.greatest(VERDICT.CHANGED_AT, DSL.val(resolvedAt, VERDICT.CHANGED_AT)))
                        .where(VERDICT.SEQ.eq(latest.get()))
                        .and(VERDICT.RESOLVED_AT.isNull())
                        .execute()
                == 1;
    }
}
