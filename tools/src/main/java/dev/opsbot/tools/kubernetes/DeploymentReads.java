package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/** The reads the deployment tools share: one Deployment, and the ReplicaSets it owns (selected server-side). */
final class DeploymentReads {
    private DeploymentReads() {}

    static Deployment deployment(KubernetesAccess access, ToolContext context, String namespace, String name) {
        ApiCall call = ApiCall.get("deployments", namespace, name);
        Deployment deployment = access.read(context, call, client -> client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .get());
        if (deployment == null) {
            throw new SourceFailure(
                    KubernetesAccess.SOURCE,
                    SourceFailure.Kind.NOT_FOUND,
                    "deployment " + namespace + "/" + name + " not found",
                    null);
        }
        return deployment;
    }

    static List<ReplicaSet> replicaSets(KubernetesAccess access, ToolContext context, Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        List<ReplicaSet> selected = access.read(context, ApiCall.list("replicasets", namespace), client -> {
            var query = client.apps().replicaSets().inNamespace(namespace);
            var selector = deployment.getSpec().getSelector();
            return (selector == null
                            ? query.list()
                            : query.withLabelSelector(selector).list())
                    .getItems();
        });
        return RolloutHistory.owned(deployment, selected);
    }
}
