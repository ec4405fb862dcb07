package dev.opsbot.core.approval;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Proposals and their votes, in the database, shared by replicas. Every state change is conditional, and that is
 * what makes an approved action run exactly once.
 */
public interface ProposalStore {
    /** Stores a new proposal (state PROPOSED). */
    void create(Proposal proposal);

    Optional<Proposal> find(String id);

    /** The proposal shown by this message, if it is one. */
    Optional<Proposal> findByMessage(String platform, String messageId);

    /** Records the message that shows the proposal (reactions on it are votes). */
    void attachMessage(String id, String messageId);

    /**
     * Records a vote; a person's earlier vote on the proposal is replaced.
     *
     * @return false when the same vote was already there (a duplicate event)
     */
    boolean vote(Vote vote);

    /**
     * Withdraws a person's vote of this kind.
     *
     * @return false when there was none
     */
    boolean withdraw(String proposalId, String voterEmail, Vote.Kind kind);

    /** The standing votes, oldest first. */
    List<Vote> votes(String proposalId);

    /**
     * Moves the proposal from {@code from} to {@code to} if, and only if, it is in {@code from} now. Of any number of
     * concurrent callers (threads, replicas), exactly one gets true.
     *
     * @param owner the replica executing it (for EXECUTING), else null
     * @param outcome what happened, in words (for final states), else null
     */
    boolean transition(String id, ProposalState from, ProposalState to, String owner, String outcome, Instant at);

    /** Proposals in {@code state}, oldest first, at most {@code limit}. */
    List<Proposal> inState(ProposalState state, int limit);

    /** PROPOSED proposals whose expiry is at or before {@code now}, oldest first. */
    List<Proposal> dueToExpire(Instant now, int limit);

    /** The thread's proposals, oldest first. */
    List<Proposal> inThread(ThreadRef thread);

    /** Proposals created or changed at or after {@code since}, oldest first, at most {@code limit} (the handoff). */
    List<Proposal> changedSince(Instant since, int limit);
}
