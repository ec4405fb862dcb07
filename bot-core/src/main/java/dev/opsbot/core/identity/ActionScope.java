package dev.opsbot.core.identity;

import java.util.List;
import java.util.Objects;

/**
 * Exactly what an approved action may do, and nothing more: it becomes the STS session policy of the write
 * session. An action that touches no AWS API (a Kubernetes rollback) has no AWS actions, and no STS call is made
 * for it.
 *
 * @param operation what the action is, for people and the audit log ({@code rollback Deployment shop/checkout to
 *     revision 41})
 * @param awsActions the IAM actions allowed ({@code ecs:UpdateService}); empty when the action calls no AWS API
 * @param awsResources the ARNs they are allowed on; required when there are actions
 */
public record ActionScope(String operation, List<String> awsActions, List<String> awsResources) {
    public ActionScope {
        Objects.requireNonNull(operation, "operation");
        awsActions = List.copyOf(awsActions);
        awsResources = List.copyOf(awsResources);
        if (!awsActions.isEmpty() && awsResources.isEmpty()) {
            throw new IllegalArgumentException("an action scope with AWS actions must name the resources: "
                    + "a write session never gets Resource \"*\"");
        }
        if (awsActions.stream().anyMatch(a -> a.contains("*"))
                || awsResources.stream().anyMatch(r -> r.equals("*"))) {
            throw new IllegalArgumentException("a write session allows named actions on named resources, no wildcards");
        }
    }

    public static ActionScope kubernetesOnly(String operation) {
        return new ActionScope(operation, List.of(), List.of());
    }

    public boolean touchesAws() {
        return !awsActions.isEmpty();
    }
}
