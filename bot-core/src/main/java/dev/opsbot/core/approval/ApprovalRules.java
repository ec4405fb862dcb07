package dev.opsbot.core.approval;

import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.tool.Risk;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may decide on a proposal, and how many must agree. Deterministic, and every refusal is a sentence for the
 * thread.
 *
 * @param approvals how many distinct approvers a proposal of each risk needs
 * @param twoPersonEnvironments where the requester may not approve their own change ({@code production})
 * @param approveReactions reactions that approve ({@code white_check_mark})
 * @param rejectReactions reactions that reject ({@code x})
 * @param expiry how long a proposal waits for its approvals
 */
public record ApprovalRules(
        Map<Risk, Integer> approvals,
        Set<String> twoPersonEnvironments,
        Set<String> approveReactions,
        Set<String> rejectReactions,
        Duration expiry) {
    public ApprovalRules {
        approvals = Map.copyOf(approvals);
        twoPersonEnvironments = Set.copyOf(twoPersonEnvironments);
        approveReactions = Set.copyOf(approveReactions);
        rejectReactions = Set.copyOf(rejectReactions);
        Objects.requireNonNull(expiry, "expiry");
    }

    public static ApprovalRules defaults() {
        return new ApprovalRules(
                Map.of(Risk.WRITE, 1, Risk.DESTRUCTIVE, 2),
                Set.of("production"),
                Set.of("white_check_mark"),
                Set.of("x"),
                Duration.ofMinutes(15));
    }

    public int approvalsRequired(Risk risk) {
        return Math.max(1, approvals.getOrDefault(risk, 1));
    }

    /** What a reaction means here: an approval, a rejection, or nothing (other reactions are conversation). */
    public Optional<Vote.Kind> voteFor(String reaction) {
        if (approveReactions.contains(reaction)) {
            return Optional.of(Vote.Kind.APPROVE);
        }
        if (rejectReactions.contains(reaction)) {
            return Optional.of(Vote.Kind.REJECT);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code voter}'s vote counts on {@code proposal}.
     *
     * @return empty when it counts, else why not, as a sentence about the person
     */
    public Optional<String> refusal(Proposal proposal, Identity voter, Vote.Kind kind) {
        String environment = proposal.environment();
        boolean approver =
                voter.access(environment).map(EnvironmentAccess::approver).orElse(false);
        boolean requester = voter.email().equalsIgnoreCase(proposal.requesterEmail());
        String name = firstName(voter);
        if (kind == Vote.Kind.REJECT) {
            // the requester may always call off their own change; anyone else needs the approver role
            return approver || requester
                    ? Optional.empty()
                    : Optional.of(name + " can't reject changes in " + environment
                            + ": only the requester or an approver for " + environment + " can");
        }
        if (requester && twoPersonEnvironments.contains(environment)) {
            return Optional.of(name + " can't approve " + pronoun(voter) + " own " + environment
                    + " change: a second person must");
        }
        if (!approver) {
            return Optional.of(name + " can't approve changes in " + environment + ": " + voter.email()
                    + " has no approver role there (see `access`)");
        }
        return Optional.empty();
    }

    /** How replies name a person: the first word of their display name, lower case ("alice"). */
    public static String firstName(Identity identity) {
        String name = identity.displayName();
        int space = name.indexOf(' ');
        String first = space > 0 ? name.substring(0, space) : name;
        return first.contains("@") ? first.substring(0, first.indexOf('@')) : first.toLowerCase(java.util.Locale.ROOT);
    }

    /** Identities carry no pronoun; "their" reads right for everyone. */
    private static String pronoun(Identity voter) {
        return "their";
    }
}
