package dev.opsbot.core.approval;

import dev.opsbot.core.identity.WriteSession;

/**
 * Runs an approved proposal's action with the write session issued for it: the only way an action tool is ever
 * called. Implementations look the action tool up by name, run it within the proposal's {@code ApprovedAction} (so
 * the transport lets exactly its requests through), and report what happened.
 */
@FunctionalInterface
public interface ActionRunner {
    ActionOutcome run(Proposal proposal, WriteSession session);
}
