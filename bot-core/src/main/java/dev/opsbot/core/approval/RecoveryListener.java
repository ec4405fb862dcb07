package dev.opsbot.core.approval;

import dev.opsbot.core.conversation.Responder;

/**
 * Hears that an approved action ran and verification saw the symptom recover: the thread's incident is resolved
 * (team memory proposes what to remember). Called after the thread was told; a failure here is logged, never undoes
 * anything.
 */
@FunctionalInterface
public interface RecoveryListener {
    RecoveryListener NONE = (proposal, responder) -> {};

    void recovered(Proposal proposal, Responder responder);
}
