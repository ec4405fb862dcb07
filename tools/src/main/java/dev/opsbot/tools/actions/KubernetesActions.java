package dev.opsbot.tools.actions;

import dev.opsbot.tools.kubernetes.KubernetesAccess;
import java.util.List;

/** The Kubernetes action tools over one {@link KubernetesAccess}, for wiring into the action runner. */
public final class KubernetesActions {
    private KubernetesActions() {}

    /** @param maxReplicas the most replicas {@code kubernetes.scale} may set */
    public static List<ActionTool> all(KubernetesAccess access, int maxReplicas) {
        return List.of(new RollbackTool(access), new RestartTool(access), new ScaleTool(access, maxReplicas));
    }
}
