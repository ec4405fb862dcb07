package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.Vote;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channel's proposals for a handoff: those that changed in the shift, and those still waiting whenever they
 * were proposed (a proposal from before the shift that nobody decided on is the next shift's to decide).
 */
final class ShiftActions {
    private static final Set<ProposalState> EXECUTED =
            Set.of(ProposalState.DONE, ProposalState.FAILED, ProposalState.UNKNOWN);
    private static final Set<ProposalState> WAITING =
            Set.of(ProposalState.PROPOSED, ProposalState.APPROVED, ProposalState.EXECUTING);
    private static final Set<ProposalState> NOT_DONE = Set.of(ProposalState.REJECTED, ProposalState.EXPIRED);
    private static final List<ProposalState> WAITING_ORDER =
            List.of(ProposalState.PROPOSED, ProposalState.APPROVED, ProposalState.EXECUTING);

    private final ProposalStore store;
    private final ShiftAudit audit;
    private final Map<String, Proposal> byId = new LinkedHashMap<>();

    private ShiftActions(ProposalStore store, ShiftAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    static ShiftActions read(ProposalStore store, Shift shift, ShiftAudit audit, int limit) {
        ShiftActions actions = new ShiftActions(store, audit);
        actions.keep(shift, store.changedSince(shift.from(), limit));
        for (ProposalState state : WAITING_ORDER) {
            actions.keep(shift, store.inState(state, limit)); // read after changedSince: the fresher state wins
        }
        return actions;
    }

    private void keep(Shift shift, List<Proposal> proposals) {
        for (Proposal proposal : proposals) {
            if (shift.inChannel(proposal.thread()) && proposal.createdAt().isBefore(shift.to())) {
                byId.put(proposal.id(), proposal);
            }
        }
    }

    /** Ran in the shift (done, failed, unknown), newest first. */
    List<Proposal> executed() {
        return newestFirst(EXECUTED);
    }

    /** Rejected or expired in the shift, newest first. */
    List<Proposal> notDone() {
        return newestFirst(NOT_DONE);
    }

    /** Waiting for people or running, the soonest to expire first: the most urgent decision on top. */
    List<Proposal> waiting() {
        return byId.values().stream()
                .filter(p -> WAITING.contains(p.state()))
                .sorted(Comparator.comparing(Proposal::expiresAt).thenComparing(Proposal::id))
                .toList();
    }

    /** A proposal of this channel (one the shift touched, else from the store), if it is one. */
    Optional<Proposal> find(String id, Shift shift) {
        Proposal known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return store.find(id).filter(p -> shift.inChannel(p.thread()));
    }

    /** When the proposal last changed, as far as the shift's audit events tell. */
    Instant changedAt(Proposal proposal) {
        return audit.changedAt(proposal.id()).orElse(proposal.createdAt());
    }

    /** The proposal with who voted on it. */
    ActionLine line(Proposal proposal) {
        List<Vote> votes = store.votes(proposal.id());
        return new ActionLine(
                proposal, voters(votes, Vote.Kind.APPROVE), voters(votes, Vote.Kind.REJECT), changedAt(proposal));
    }

    private static List<String> voters(List<Vote> votes, Vote.Kind kind) {
        return votes.stream()
                .filter(v -> v.kind() == kind)
                .map(Vote::voterEmail)
                .toList();
    }

    private List<Proposal> newestFirst(Set<ProposalState> states) {
        return byId.values().stream()
                .filter(p -> states.contains(p.state()))
                .sorted(Comparator.comparing(this::changedAt).reversed().thenComparing(Proposal::id))
                .toList();
    }
}
