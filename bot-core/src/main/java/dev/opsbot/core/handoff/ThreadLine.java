package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * One thread of the shift: what was asked, what opsbot concluded, and where it stands.
 *
 * @param lastActivity the thread's latest activity (a message, a verdict, its resolution)
 * @param question what was asked (the verdict's question, else the last one asked in the shift); null when none was
 *     recorded (the thread was only talk)
 * @param asker who asked (e-mail), null when not known
 * @param verdict the thread's latest verdict, null when nothing was concluded
 * @param action the thread's latest proposal, null when none
 */
public record ThreadLine(
        ThreadRef thread,
        Instant lastActivity,
        String question,
        String asker,
        Verdict verdict,
        Proposal action,
        Status status) {

    /** Where a thread stands, the first that applies in this order. */
    public enum Status {
        /** Someone said so, or a verified action did; {@link Verdict#resolvedBy()} says who. */
        RESOLVED,
        ACTION_DONE,
        ACTION_FAILED,
        /** opsbot restarted while running the action: whether it happened is not known. */
        ACTION_UNKNOWN,
        /** Proposed, approved or running. */
        ACTION_PENDING,
        /** A verdict, nothing done about it yet. */
        OPEN,
        /** No verdict yet. */
        INVESTIGATING;

        /** @param latest the thread's latest proposal, or null */
        static Status of(Verdict verdict, Proposal latest) {
            if (verdict != null && verdict.resolved()) {
                return RESOLVED;
            }
            if (latest != null) {
                switch (latest.state()) {
                    case DONE -> {
                        return ACTION_DONE;
                    }
                    case FAILED -> {
                        return ACTION_FAILED;
                    }
                    case UNKNOWN -> {
                        return ACTION_UNKNOWN;
                    }
                    case PROPOSED, APPROVED, EXECUTING -> {
                        return ACTION_PENDING;
                    }
                    case REJECTED, EXPIRED -> {
                        // nothing was done: the thread is as open as it was before the proposal
                    }
                }
            }
            return verdict == null ? INVESTIGATING : OPEN;
        }
    }

    public ThreadLine {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(status, "status");
    }
}
