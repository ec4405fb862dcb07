package dev.opsbot.core.approval;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.conversation.Proposer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How a proposal and what happens to it read in the thread: the same words on every platform. */
final class ProposalReplies {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ProposalReplies() {}

    /** The proposal's own message: reactions on it are votes. */
    static Reply proposal(Proposal proposal, String requesterName, ApprovalRules rules, String status) {
        String approve = first(rules.approveReactions());
        String reject = first(rules.rejectReactions());
        String risk = proposal.action().risk().name().toLowerCase(Locale.ROOT);
        String needs = proposal.approvalsRequired() == 1
                ? "1 approval"
                : proposal.approvalsRequired() + " approvals from different people";
        String twoPerson = rules.twoPersonEnvironments().contains(proposal.environment())
                ? "; the requester can't approve their own " + proposal.environment() + " change"
                : "";
        String origin = origin(proposal.source());
        String text = ":raising_hand: Proposal: *" + proposal.action().operation() + "* in " + proposal.environment()
                + " (risk: " + risk + "), requested by " + requesterName + ". " + origin + "React :" + approve
                + ": to approve or :" + reject + ": to reject; needs " + needs + " from an approver for "
                + proposal.environment() + twoPerson + ". Expires at " + TIME.format(proposal.expiresAt()) + ". "
                + status;
        return new Reply(
                text,
                List.of(
                        new Block.Proposal(
                                proposal.id(),
                                proposal.action().operation(),
                                proposal.environment(),
                                risk,
                                requesterName,
                                proposal.expiresAt(),
                                approve,
                                reject),
                        new Block.Context(origin + "Needs " + needs + " from an approver for "
                                + proposal.environment()
                                + twoPerson + ". Runs as " + proposal.requesterEmail()
                                + " with a session allowed only this action. " + status)));
    }

    /**
     * Where the proposal came from, when that is not opsbot's own triage: a model's suggestion says so, so nobody
     * approves it believing a rule found it.
     */
    static String origin(String source) {
        if (source != null && source.startsWith(Proposer.MODEL_SOURCE)) {
            return "Suggested by the language model ("
                    + source.substring(Proposer.MODEL_SOURCE.length()).strip()
                    + "), not by opsbot's rules or a person: check the evidence before approving. ";
        }
        return "";
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    private static String first(java.util.Set<String> reactions) {
        return reactions.stream().sorted().findFirst().orElse("");
    }
}
