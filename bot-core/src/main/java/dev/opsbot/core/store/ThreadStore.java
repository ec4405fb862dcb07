package dev.opsbot.core.store;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The threads opsbot takes part in. */
public interface ThreadStore {

    /** Creates the thread record on first contact, else moves its last activity forward. */
    ThreadRecord touch(ThreadRef ref, String startedBy, Instant at);

    Optional<ThreadRecord> find(ThreadRef ref);

    /** Threads with activity at or after {@code since}, most recent first (status, handoff). */
    List<ThreadRecord> activeSince(Instant since, int limit);
}
