package dev.opsbot.core.approval;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A write opsbot offers to do, waiting for people: persisted before it is shown, so any replica can act on a
 * reaction to it.
 *
 * @param id the proposal's id (also the STS session tag and the audit key)
 * @param thread where it was proposed
 * @param messageId the message showing it, once posted (reactions on that message are votes); null before
 * @param action exactly what would run
 * @param environment where it would run
 * @param requesterEmail who asked (the write runs as them: STS source identity, Kubernetes impersonation)
 * @param requesterChatId the requester's chat user id, on the thread's platform
 * @param source what proposed it ({@code triage: oom}, later the agent)
 * @param approvalsRequired how many distinct approvers it needs (by risk, from configuration)
 * @param owner the replica executing it, while EXECUTING; null otherwise
 * @param outcome what happened, in words, once final
 */
public record Proposal(
        String id,
        ThreadRef thread,
        String messageId,
        ProposedAction action,
        String environment,
        String requesterEmail,
        String requesterChatId,
        String source,
        Instant createdAt,
        Instant expiresAt,
        int approvalsRequired,
        ProposalState state,
        String owner,
        String outcome) {
    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(requesterEmail, "requesterEmail");
        Objects.requireNonNull(requesterChatId, "requesterChatId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        if (approvalsRequired < 1) {
            throw new IllegalArgumentException("a proposal needs at least one approval");
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Proposal withMessage(String messageId) {
        return new Proposal(
                id,
                thread,
                messageId,
                action,
                environment,
                requesterEmail,
                requesterChatId,
                source,
                createdAt,
                expiresAt,
                approvalsRequired,
                state,
                owner,
                outcome);
    }

    public Proposal withState(ProposalState state, String owner, String outcome) {
        return new Proposal(
                id,
                thread,
                messageId,
                action,
                environment,
                requesterEmail,
                requesterChatId,
                source,
                createdAt,
                expiresAt,
                approvalsRequired,
                state,
                owner,
                outcome);
    }
}
