package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.memory.MemoryItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shift handoff's deterministic part: the same stores give the same report. Every list is in the order it is
 * shown (newest first; pending actions soonest to expire first) and capped, with how many more there were.
 *
 * @param at when it was put together (time left on pending actions is counted from here)
 * @param threads the channel's threads active in the shift
 * @param executed actions that ran: done, failed, or interrupted (unknown)
 * @param pending actions waiting for approval or running now, whenever they were proposed
 * @param rejected actions rejected or expired in the shift
 * @param memories what the channel's team memory learned in the shift
 * @param openQuestions questions of the shift without a good answer yet
 * @param watch what the next shift should keep an eye on
 */
public record HandoffReport(
        Shift shift,
        Instant at,
        Listing<ThreadLine> threads,
        Listing<ActionLine> executed,
        Listing<ActionLine> pending,
        Listing<ActionLine> rejected,
        Listing<MemoryItem> memories,
        Listing<OpenQuestion> openQuestions,
        Listing<Watch> watch) {
    /** A pending action expiring this soon is flagged: someone must decide on it now or ask again later. */
    public static final Duration EXPIRING = Duration.ofHours(1);

    public HandoffReport {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(executed, "executed");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(memories, "memories");
        Objects.requireNonNull(openQuestions, "openQuestions");
        Objects.requireNonNull(watch, "watch");
    }

    /** Nothing happened in the channel: no threads, actions, memories, questions or worries. */
    public boolean quiet() {
        return threads.isEmpty()
                && executed.isEmpty()
                && pending.isEmpty()
                && rejected.isEmpty()
                && memories.isEmpty()
                && openQuestions.isEmpty()
                && watch.isEmpty();
    }

    /** The pending actions that expire within {@link #EXPIRING}. */
    public List<ActionLine> expiring() {
        return pending.items().stream().filter(this::expiringSoon).toList();
    }

    /** Whether the action still waits for approvals and has less than {@link #EXPIRING} left to get them. */
    public boolean expiringSoon(ActionLine action) {
        return action.proposal().state() == ProposalState.PROPOSED
                && action.proposal().expiresAt().isBefore(at.plus(EXPIRING));
    }
}
