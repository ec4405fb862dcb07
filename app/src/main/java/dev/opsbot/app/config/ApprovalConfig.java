package dev.opsbot.app.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How proposals are decided: which reactions approve and reject, how many approvers each risk needs, where the
 * requester may not approve their own change, how long a proposal waits, and how long verification watches.
 *
 * @param expiry how long a proposal waits for its approvals, 1m to 24h
 * @param approveReactions reaction short names that approve ({@code white_check_mark})
 * @param rejectReactions reaction short names that reject ({@code x})
 * @param approvalsForWrite distinct approvers a write needs, 1 to 5
 * @param approvalsForDestructive distinct approvers a destructive action needs, 1 to 5 (at least the write count)
 * @param twoPersonEnvironments environments where the requester cannot approve their own change
 * @param verifyWindow how long verification watches for the symptom to recover, 10s to 30m
 */
public record ApprovalConfig(
        Duration expiry,
        List<String> approveReactions,
        List<String> rejectReactions,
        int approvalsForWrite,
        int approvalsForDestructive,
        List<String> twoPersonEnvironments,
        Duration verifyWindow) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    public static final Duration DEFAULT_VERIFY_WINDOW = Duration.ofMinutes(2);
    static final DurationRule EXPIRY = new DurationRule(Duration.ofMinutes(1), Duration.ofHours(24));
    static final DurationRule VERIFY_WINDOW = new DurationRule(Duration.ofSeconds(10), Duration.ofMinutes(30));
    static final IntRule APPROVALS = new IntRule(1, 5, "a number of approvers");

    public ApprovalConfig {
        expiry = EXPIRY.check("approval.expiry", expiry);
        approveReactions = reactions("approval.approveReactions", approveReactions);
        rejectReactions = reactions("approval.rejectReactions", rejectReactions);
        Set<String> both = new HashSet<>(approveReactions);
        both.retainAll(rejectReactions);
        if (!both.isEmpty()) {
            throw new ConfigException(
                    "approval.rejectReactions",
                    String.join(", ", both),
                    "also approves",
                    "a reaction either approves or rejects: remove it from one of the two lists");
        }
        approvalsForWrite = APPROVALS.check("approval.approvalsForWrite", approvalsForWrite);
        approvalsForDestructive = APPROVALS.check("approval.approvalsForDestructive", approvalsForDestructive);
        if (approvalsForDestructive < approvalsForWrite) {
            throw new ConfigException(
                    "approval.approvalsForDestructive",
                    String.valueOf(approvalsForDestructive),
                    "is fewer than approval.approvalsForWrite (" + approvalsForWrite + ")",
                    "a destructive action needs at least as many approvers as a write");
        }
        twoPersonEnvironments = List.copyOf(twoPersonEnvironments == null ? List.of() : twoPersonEnvironments);
        verifyWindow = VERIFY_WINDOW.check("approval.verifyWindow", verifyWindow);
    }

    public static ApprovalConfig defaults() {
        return new ApprovalConfig(
                DEFAULT_EXPIRY,
                List.of("white_check_mark"),
                List.of("x"),
                1,
                2,
                List.of("production"),
                DEFAULT_VERIFY_WINDOW);
    }

    private static List<String> reactions(String key, List<String> reactions) {
        if (reactions == null || reactions.isEmpty()) {
            throw new ConfigException(key, "[]", "is empty", "list at least one reaction short name, such as x");
        }
        for (int i = 0; i < reactions.size(); i++) {
            String reaction = reactions.get(i);
            if (reaction == null || !reaction.matches("[a-z0-9_+-]+")) {
                throw new ConfigException(
                        key + "[" + i + "]",
                        reaction,
                        "is not a reaction short name",
                        "write it as Slack names it, without colons: white_check_mark, x, +1");
            }
        }
        return List.copyOf(reactions);
    }

    static ApprovalConfig from(ConfigNode node) {
        ApprovalConfig defaults = defaults();
        ApprovalConfig config = new ApprovalConfig(
                node.duration("expiry", DEFAULT_EXPIRY, EXPIRY),
                node.strings("approveReactions", defaults.approveReactions()),
                node.strings("rejectReactions", defaults.rejectReactions()),
                node.integer("approvalsForWrite", 1, APPROVALS),
                node.integer("approvalsForDestructive", 2, APPROVALS),
                node.strings("twoPersonEnvironments", defaults.twoPersonEnvironments()),
                node.duration("verifyWindow", DEFAULT_VERIFY_WINDOW, VERIFY_WINDOW));
        node.rejectUnknown();
        return config;
    }
}
