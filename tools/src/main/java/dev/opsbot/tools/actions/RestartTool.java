package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code kubernetes.restart}: what {@code kubectl rollout restart} does — the pod template's
 * {@code kubectl.kubernetes.io/restartedAt} annotation set to now, so the controller replaces every pod with a new
 * one of the same spec, as its rollout strategy allows.
 */
public final class RestartTool extends KubernetesAction<DeploymentRef> {
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final DeploymentCalls calls;

    public RestartTool(KubernetesAccess access) {
        super(
                access,
                "restart",
                "Restarts a Deployment's pods as `kubectl rollout restart` does: a rolling replacement of every pod"
                        + " with the same spec. Helps with a stuck or leaking process; does not fix a bad spec.",
                "Restart a Deployment's pods (rolling)",
                deploymentSchema());
        this.calls = new DeploymentCalls(access);
    }

    @Override
    protected DeploymentRef parse(Arguments arguments) {
        return DeploymentRef.from(arguments);
    }

    @Override
    protected List<PolicyRequest> requests(DeploymentRef d, String environment, String principal) {
        return List.of(
                Requests.kubernetes("get", "deployments", d.namespace(), d.name(), environment, principal),
                Requests.kubernetes("patch", "deployments", d.namespace(), d.name(), environment, principal));
    }

    @Override
    protected ToolResult act(ToolContext context, DeploymentRef ref) {
        Deployment deployment = calls.get(context, ref);
        DeploymentCalls.refuseWhenPaused(deployment, ref, "restarting it");
        Instant at = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode patch = Json.object();
        patch.putObject("spec")
                .putObject("template")
                .putObject("metadata")
                .putObject("annotations")
                .put(RESTARTED_AT, at.toString());
        calls.mergePatch(context, ref, patch.toString());
        Integer replicas = deployment.getSpec().getReplicas();
        String pods = replicas == null ? "its pods" : "its " + replicas + (replicas == 1 ? " pod" : " pods");
        return new ToolResult.Success(
                ref.display() + " restarting: " + pods + " are being replaced (restartedAt " + at + ")",
                Json.object()
                        .put("deployment", ref.namespace() + "/" + ref.name())
                        .put("restartedAt", at.toString()));
    }
}
