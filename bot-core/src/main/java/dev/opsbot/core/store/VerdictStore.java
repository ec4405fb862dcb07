package dev.opsbot.core.store;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The verdicts of investigations, per thread, in the database (shared by replicas). */
public interface VerdictStore {
    /** Keeps a new verdict; a thread asked again has several, and the latest counts. */
    void record(Verdict verdict);

    /** The thread's latest verdict. */
    Optional<Verdict> latest(ThreadRef thread);

    /**
     * Verdicts reached, or resolved, at or after {@code since} in one channel, newest first: the latest per thread
     * only.
     */
    List<Verdict> since(String platform, String channel, Instant since, int limit);

    /**
     * Marks the thread's latest verdict resolved, if it is not yet. Of any number of callers (a verified action and
     * someone saying "resolved" at once, two replicas) exactly one gets true: that one proposes what to remember.
     *
     * @return false when the thread has no verdict, or it was resolved already
     */
    boolean resolve(ThreadRef thread, String by, Instant at);
}
