package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * {@code kubernetes.scale}: sets a Deployment's {@code spec.replicas}, between 0 and a configured maximum. A count
 * above the maximum is refused, never capped: the approver approved a number, and a different one must not run.
 */
public final class ScaleTool extends KubernetesAction<ScaleTool.Params> {
    public static final int DEFAULT_MAX_REPLICAS = 50;

    record Params(DeploymentRef deployment, int replicas) {}

    private final DeploymentCalls calls;
    private final int maxReplicas;

    public ScaleTool(KubernetesAccess access, int maxReplicas) {
        super(
                access,
                "scale",
                "Sets the number of replicas of a Deployment (0 to " + maxReplicas + "). A HorizontalPodAutoscaler"
                        + " on the Deployment will move it again; change the HPA instead when there is one.",
                "Scale a Deployment",
                deploymentSchema()
                        .integer("replicas", "the number of pods to run", 0, maxReplicas)
                        .require("replicas"));
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("kubernetes.scale needs a maximum of at least 1, not " + maxReplicas);
        }
        this.calls = new DeploymentCalls(access);
        this.maxReplicas = maxReplicas;
    }

    @Override
    protected Params parse(Arguments arguments) {
        DeploymentRef deployment = DeploymentRef.from(arguments);
        int replicas = arguments.integer("replicas", -1, 0, Integer.MAX_VALUE);
        if (replicas < 0) {
            throw refused("argument 'replicas' is required");
        }
        if (replicas > maxReplicas) {
            throw refused("argument 'replicas' is " + replicas + ", above the limit of " + maxReplicas
                    + " opsbot may scale to (kubernetes.scale maximum in the configuration)");
        }
        return new Params(deployment, replicas);
    }

    @Override
    protected List<PolicyRequest> requests(Params params, String environment, String principal) {
        DeploymentRef d = params.deployment();
        return List.of(
                Requests.kubernetes("get", "deployments", d.namespace(), d.name(), environment, principal),
                Requests.kubernetes("patch", "deployments", d.namespace(), d.name(), environment, principal));
    }

    @Override
    protected ToolResult act(ToolContext context, Params params) {
        DeploymentRef ref = params.deployment();
        Deployment deployment = calls.get(context, ref);
        Integer before = deployment.getSpec().getReplicas();
        if (before != null && before == params.replicas()) {
            throw refused(ref.display() + " already has " + before + " replicas: nothing to scale");
        }
        ObjectNode patch = Json.object();
        patch.putObject("spec").put("replicas", params.replicas());
        calls.mergePatch(context, ref, patch.toString());
        return new ToolResult.Success(
                ref.display() + " scaled " + (before == null ? "" : "from " + before + " ") + "to " + params.replicas()
                        + " replicas",
                Json.object()
                        .put("deployment", ref.namespace() + "/" + ref.name())
                        .put("replicas", params.replicas()));
    }
}
