package dev.opsbot.tools.actions;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.kubernetes.ApiCall;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;

/**
 * The requests the Deployment actions make, each within the call's deadline and as the context's principal (the
 * write principal, when the runner calls). Exactly these are what the actions declare.
 */
final class DeploymentCalls {
    private final KubernetesAccess access;

    DeploymentCalls(KubernetesAccess access) {
        this.access = access;
    }

    /** {@code get deployments ns/name}; NOT_FOUND when it does not exist. */
    Deployment get(ToolContext context, DeploymentRef ref) {
        Deployment deployment =
                access.read(context, ApiCall.get("deployments", ref.namespace(), ref.name()), c -> c.apps()
                        .deployments()
                        .inNamespace(ref.namespace())
                        .withName(ref.name())
                        .get());
        if (deployment == null) {
            throw new SourceFailure(
                    KubernetesAccess.SOURCE, SourceFailure.Kind.NOT_FOUND, ref.display() + " does not exist", null);
        }
        return deployment;
    }

    /** {@code list replicasets} in the namespace, with the Deployment's selector labels. */
    List<ReplicaSet> replicaSets(ToolContext context, Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        Map<String, String> labels = deployment.getSpec().getSelector() == null
                ? null
                : deployment.getSpec().getSelector().getMatchLabels();
        return access.read(context, ApiCall.list("replicasets", namespace), c -> {
            var inNamespace = c.apps().replicaSets().inNamespace(namespace);
            return (labels == null || labels.isEmpty() ? inNamespace : inNamespace.withLabels(labels))
                    .list()
                    .getItems();
        });
    }

    /** {@code patch deployments ns/name} with a JSON Patch ({@code application/json-patch+json}). */
    Deployment jsonPatch(ToolContext context, DeploymentRef ref, String patch) {
        return patch(context, ref, PatchType.JSON, patch);
    }

    /** {@code patch deployments ns/name} with a JSON Merge Patch ({@code application/merge-patch+json}). */
    Deployment mergePatch(ToolContext context, DeploymentRef ref, String patch) {
        return patch(context, ref, PatchType.JSON_MERGE, patch);
    }

    private Deployment patch(ToolContext context, DeploymentRef ref, PatchType type, String patch) {
        ApiCall call = new ApiCall("patch", "deployments", ref.namespace(), ref.name());
        return access.read(context, call, c -> c.apps()
                .deployments()
                .inNamespace(ref.namespace())
                .withName(ref.name())
                .patch(PatchContext.of(type), patch));
    }

    static void refuseWhenPaused(Deployment deployment, DeploymentRef ref, String what) {
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            throw KubernetesAction.refused(ref.display() + " is paused: resume it before " + what
                    + " (kubectl rollout resume deployment/" + ref.name() + " -n " + ref.namespace() + ")");
        }
    }
}
