package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.Tool;
import java.util.List;

/** The Kubernetes read tools, all acting as the person through one {@link KubernetesAccess}. */
public final class KubernetesTools {
    private KubernetesTools() {}

    public static List<Tool> readTools(KubernetesAccess access) {
        return List.of(
                new ListPodsTool(access),
                new DescribeDeploymentTool(access),
                new RolloutHistoryTool(access),
                new ListReplicaSetsTool(access),
                new ListEventsTool(access),
                new DescribeServiceTool(access),
                new ListHpasTool(access),
                new ListNodesTool(access),
                new ListPvcsTool(access),
                new ListNetworkPoliciesTool(access),
                new ListConfigMapsTool(access),
                new PodLogsTool(access));
    }
}
