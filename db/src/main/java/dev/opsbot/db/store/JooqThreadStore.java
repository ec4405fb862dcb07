package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.CHAT_THREAD;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.ThreadRecord;
import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.db.generated.tables.records.ChatThreadRecord;
import dev.opsbot.db.internal.Inserts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The threads opsbot takes part in, in table {@code chat_thread}. */
public final class JooqThreadStore implements ThreadStore {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqThreadStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Update first (the common case: the thread exists), insert when it did not; if another replica inserted in
     * between, our insert yields and we update its row instead. No step can move the last activity backwards.
     */
    @Override
    public ThreadRecord touch(ThreadRef ref, String startedBy, Instant at) {
        if (!moveActivity(ref, at)) {
            if (insert(ref, startedBy, at)) {
                return new ThreadRecord(ref, startedBy, at, at);
            }
            moveActivity(ref, at);
        }
        return find(ref).orElseThrow(() -> new IllegalStateException("thread " + ref + " vanished while touched"));
    }

    private boolean moveActivity(ThreadRef ref, Instant at) {
        return dsl.update(CHAT_THREAD)
                        .set(CHAT_THREAD.LAST_ACTIVITY_AT, DSL.greatest(CHAT_THREAD.LAST_ACTIVITY_AT, DSL.val(at)))
                        .where(key(ref))
                        .execute()
                == 1;
    }

    private boolean insert(ThreadRef ref, String startedBy, Instant at) {
        return Inserts.ifAbsent(dsl.insertInto(CHAT_THREAD)
                .set(CHAT_THREAD.PLATFORM, ref.platform())
                .set(CHAT_THREAD.CHANNEL, ref.channel())
                .set(CHAT_THREAD.THREAD_ID, ref.thread())
                .set(CHAT_THREAD.STARTED_BY, startedBy)
                .set(CHAT_THREAD.STARTED_AT, at)
                .set(CHAT_THREAD.LAST_ACTIVITY_AT, at));
    }

    @Override
    public Optional<ThreadRecord> find(ThreadRef ref) {
        return dsl.selectFrom(CHAT_THREAD).where(key(ref)).fetchOptional(JooqThreadStore::toThread);
    }

    @Override
    public List<ThreadRecord> activeSince(Instant since, int limit) {
        return dsl.selectFrom(CHAT_THREAD)
                .where(CHAT_THREAD.LAST_ACTIVITY_AT.ge(since))
                .orderBy(
                        CHAT_THREAD.LAST_ACTIVITY_AT.desc(),
                        CHAT_THREAD.PLATFORM,
                        CHAT_THREAD.CHANNEL,
                        CHAT_THREAD.THREAD_ID)
                .limit(Math.max(0, limit))
                .fetch(JooqThreadStore::toThread);
    }

    private static Condition key(ThreadRef ref) {
        return CHAT_THREAD
                .PLATFORM
                .eq(ref.platform())
                .and(CHAT_THREAD.CHANNEL.eq(ref.channel()))
                .and(CHAT_THREAD.THREAD_ID.eq(ref.thread()));
    }

    private static ThreadRecord toThread(ChatThreadRecord row) {
        return new ThreadRecord(
                new ThreadRef(row.getPlatform(), row.getChannel(), row.getThreadId()),
                row.getStartedBy(),
                row.getStartedAt(),
                row.getLastActivityAt());
    }
}
