package dev.opsbot.core.approval;

/**
 * Where a proposal is in its life. Every change is a conditional update in the database ("from PROPOSED to APPROVED,
 * if it is still PROPOSED"), so duplicate events, two replicas or two approvers at once move it once.
 *
 * <pre>
 * PROPOSED ─approvals reached─▶ APPROVED ─claimed by one replica─▶ EXECUTING ─▶ DONE | FAILED
 *    │ └─ rejected ─▶ REJECTED                                          └─ replica died ─▶ UNKNOWN
 *    └─ past its expiry ─▶ EXPIRED
 * </pre>
 */
public enum ProposalState {
    PROPOSED,
    APPROVED,
    EXECUTING,
    DONE,
    FAILED,
    REJECTED,
    EXPIRED,
    /** The replica executing it died: whether the action happened is not known, and it is never re-run blindly. */
    UNKNOWN;

    /**
     * Checks a store is asked for a move that can exist: never out of a final state, never to the same state. Stores
     * fail such a call loudly instead of quietly answering false.
     */
    public void requireMoveTo(ProposalState to, String proposalId) {
        java.util.Objects.requireNonNull(to, "to");
        if (isFinal()) {
            throw new IllegalArgumentException(this + " is final: nothing moves proposal " + proposalId + " out of it");
        }
        if (this == to) {
            throw new IllegalArgumentException("proposal " + proposalId + " cannot move from " + this + " to itself");
        }
    }

    /** Nothing moves a proposal out of a final state: it cannot be revived. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == REJECTED || this == EXPIRED || this == UNKNOWN;
    }
}
