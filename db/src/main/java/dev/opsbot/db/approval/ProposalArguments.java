package dev.opsbot.db.approval;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import java.time.Instant;
import java.util.Objects;

/**
 * Calls the store refuses before asking the database, so that a caller's mistake fails loudly instead of quietly
 * returning {@code false} (bot-core's in-memory store refuses the same ones).
 */
final class ProposalArguments {
    private ProposalArguments() {}

    static void requireNew(Proposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        if (proposal.state() != ProposalState.PROPOSED) {
            throw new IllegalArgumentException(
                    "a new proposal is PROPOSED, " + proposal.id() + " is " + proposal.state());
        }
    }

    static void requireTransition(String id, ProposalState from, ProposalState to, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        from.requireMoveTo(to, id);
    }
}
