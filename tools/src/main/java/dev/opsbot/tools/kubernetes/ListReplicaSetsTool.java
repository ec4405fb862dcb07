package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code kubernetes.list_replicasets}: ReplicaSets newest first, with revision, replicas and images. */
final class ListReplicaSetsTool extends KubernetesReadTool {
    static final int MAX_REPLICA_SETS = 50;

    ListReplicaSetsTool(KubernetesAccess access) {
        super(
                access,
                "list_replicasets",
                "List ReplicaSets in a namespace (or only those of one Deployment), newest first: owner, revision,"
                        + " creation time, desired and ready replicas, images. At most " + MAX_REPLICA_SETS + ".",
                "List ReplicaSets with revisions and images",
                KubernetesReadTool.namespacedSchema()
                        .string("deployment", "only the ReplicaSets of this Deployment")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String deployment = args.optionalName("deployment");
        List<ReplicaSet> replicaSets = deployment.isEmpty()
                ? access.read(context, ApiCall.list("replicasets", namespace), client -> client.apps()
                        .replicaSets()
                        .inNamespace(namespace)
                        .list()
                        .getItems())
                : DeploymentReads.replicaSets(
                        access, context, DeploymentReads.deployment(access, context, namespace, deployment));
        if (replicaSets.isEmpty()) {
            return new ToolResult.NoData("no ReplicaSets in namespace " + namespace
                    + (deployment.isEmpty() ? "" : " for deployment " + deployment));
        }
        List<ReplicaSet> newestFirst = replicaSets.stream()
                .sorted(Comparator.comparing(
                                (ReplicaSet rs) -> created(rs), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        ObjectNode data = JsonOut.capped(
                JsonOut.object(), "replicaSets", newestFirst, MAX_REPLICA_SETS, ListReplicaSetsTool::replicaSet);
        return new ToolResult.Success(replicaSets.size() + " ReplicaSets in " + namespace, data);
    }

    private static Instant created(ReplicaSet rs) {
        return Times.created(rs.getMetadata());
    }

    private static ObjectNode replicaSet(ReplicaSet rs) {
        ObjectNode node = JsonOut.object().put("name", rs.getMetadata().getName());
        var owners = rs.getMetadata().getOwnerReferences();
        if (owners != null && !owners.isEmpty()) {
            node.put(
                    "owner",
                    owners.getFirst().getKind() + "/" + owners.getFirst().getName());
        }
        JsonOut.put(node, "revision", RolloutHistory.revision(rs));
        JsonOut.put(node, "createdAt", created(rs));
        JsonOut.put(node, "desired", rs.getSpec() == null ? null : rs.getSpec().getReplicas());
        node.put(
                "ready",
                rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null
                        ? 0
                        : rs.getStatus().getReadyReplicas());
        ObjectNode images = node.putObject("images");
        if (rs.getSpec() != null && rs.getSpec().getTemplate() != null) {
            rs.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.put(c.getName(), c.getImage()));
        }
        return node;
    }
}
