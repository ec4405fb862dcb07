package dev.opsbot.core.conversation;

import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import java.util.List;

/** How a person's identity and access read in chat: roles by their short name, the full ARN alongside. */
final class IdentityText {
    private IdentityText() {}

    static String who(Identity identity) {
        return "*" + identity.displayName() + "* (" + identity.email() + "), vouched for by "
                + identity.source().description()
                + (identity.directoryUserId() == null ? "" : " as user " + identity.directoryUserId());
    }

    static String groups(Identity identity) {
        return identity.groups().isEmpty() ? "none" : String.join(", ", identity.groups());
    }

    /** One line per capability in {@code access}'s environment. */
    static List<String> capabilities(Identity identity, EnvironmentAccess access) {
        String reads = access.canRead()
                ? "read: " + role(access.readRoleArn()) + ", Kubernetes as " + identity.email()
                        + groupsClause(access.kubernetesGroups())
                : "read: no";
        String writes = access.canWrite()
                ? "write after approval: " + role(access.writeRoleArn()) + ", Kubernetes as " + identity.email()
                        + groupsClause(access.kubernetesWriteGroups())
                : "write: no";
        String approves = "approve others' changes: " + (access.approver() ? "yes" : "no");
        return List.of(reads, writes, approves);
    }

    static String role(String arn) {
        if (arn == null) {
            return "no AWS role";
        }
        int slash = arn.lastIndexOf('/');
        String name = slash < 0 ? arn : arn.substring(slash + 1);
        return "AWS role " + name + " (" + arn + ")";
    }

    private static String groupsClause(List<String> groups) {
        return groups.isEmpty() ? "" : " in groups " + String.join(", ", groups);
    }
}
