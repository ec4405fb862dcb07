package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.Probes;
import dev.opsbot.tools.kubernetes.internal.Quantities;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import dev.opsbot.tools.kubernetes.internal.Selectors;
import dev.opsbot.tools.kubernetes.internal.TemplateFields;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/** {@code kubernetes.describe_deployment}: replicas, conditions, the pod template compactly, recent revision diffs. */
final class DescribeDeploymentTool extends KubernetesReadTool {
    static final int RECENT_REVISIONS = 5;

    DescribeDeploymentTool(KubernetesAccess access) {
        super(
                access,
                "describe_deployment",
                "Describe a Deployment: replicas (desired/ready/updated/available), strategy, conditions, current"
                        + " revision, per container image, resources, probes, env (references shown, not resolved),"
                        + " and the last " + RECENT_REVISIONS + " revisions as diffs from the revision before.",
                "Describe a Deployment and its recent rollouts",
                KubernetesReadTool.namespacedSchema()
                        .string("name", "Deployment name")
                        .require("name")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String name = args.name("name");
        Deployment deployment = DeploymentReads.deployment(access, context, namespace, name);
        var history = RolloutHistory.of(deployment, DeploymentReads.replicaSets(access, context, deployment));
        ObjectNode data = JsonOut.object().put("deployment", namespace + "/" + name);
        JsonOut.put(data, "currentRevision", RolloutHistory.revision(deployment));
        data.set("replicas", replicas(deployment));
        JsonOut.put(data, "strategy", strategy(deployment));
        JsonOut.put(data, "selector", Selectors.render(deployment.getSpec().getSelector()));
        data.set("conditions", conditions(deployment.getStatus()));
        ArrayNode containers = data.putArray("containers");
        deployment.getSpec().getTemplate().getSpec().getContainers().forEach(c -> containers.add(container(c)));
        var template = deployment.getSpec().getTemplate();
        JsonOut.put(data, "volumes", TemplateFields.volumes(template.getSpec().getVolumes()));
        JsonOut.put(
                data,
                "podAnnotations",
                template.getMetadata() == null ? null : template.getMetadata().getAnnotations());
        JsonOut.capped(data, "history", history.reversed(), RECENT_REVISIONS, RolloutHistoryTool::revision);
        String summary = history.isEmpty()
                ? "Deployment " + namespace + "/" + name + ": no revisions found"
                : RolloutHistoryTool.summary(namespace, name, history);
        return new ToolResult.Success(summary, data);
    }

    private static ObjectNode replicas(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        ObjectNode node = JsonOut.object();
        JsonOut.put(node, "desired", deployment.getSpec().getReplicas());
        node.put("ready", status.getReadyReplicas() == null ? 0 : status.getReadyReplicas());
        node.put("updated", status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas());
        node.put("available", status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas());
        node.put("unavailable", status.getUnavailableReplicas() == null ? 0 : status.getUnavailableReplicas());
        return node;
    }

    private static String strategy(Deployment deployment) {
        var strategy = deployment.getSpec().getStrategy();
        if (strategy == null || strategy.getType() == null) {
            return "";
        }
        var rolling = strategy.getRollingUpdate();
        if (rolling == null) {
            return strategy.getType();
        }
        return strategy.getType() + " maxSurge=" + value(rolling.getMaxSurge()) + " maxUnavailable="
                + value(rolling.getMaxUnavailable());
    }

    private static String value(IntOrString value) {
        if (value == null) {
            return "25%";
        }
        return value.getIntVal() != null ? String.valueOf(value.getIntVal()) : value.getStrVal();
    }

    private static ArrayNode conditions(DeploymentStatus status) {
        ArrayNode conditions = JsonOut.array();
        if (status == null || status.getConditions() == null) {
            return conditions;
        }
        for (var condition : status.getConditions()) {
            ObjectNode item =
                    conditions.addObject().put("type", condition.getType()).put("status", condition.getStatus());
            JsonOut.put(item, "reason", condition.getReason());
            JsonOut.put(item, "message", condition.getMessage());
            JsonOut.put(item, "lastUpdateTime", Times.parse(condition.getLastUpdateTime()));
        }
        return conditions;
    }

    private static ObjectNode container(Container container) {
        ObjectNode node = JsonOut.object().put("name", container.getName()).put("image", container.getImage());
        ObjectNode resources = JsonOut.object();
        for (String kind : new String[] {"requests", "limits"}) {
            for (String resource : new String[] {"cpu", "memory"}) {
                JsonOut.put(resources, kind + "." + resource, Quantities.of(container, kind, resource));
            }
        }
        node.set("resources", resources);
        JsonOut.put(node, "readinessProbe", Probes.render(container.getReadinessProbe()));
        JsonOut.put(node, "livenessProbe", Probes.render(container.getLivenessProbe()));
        JsonOut.put(node, "startupProbe", Probes.render(container.getStartupProbe()));
        if (container.getEnv() != null && !container.getEnv().isEmpty()) {
            ObjectNode env = node.putObject("env");
            for (EnvVar variable : container.getEnv()) {
                env.put(variable.getName(), TemplateFields.env(variable));
            }
        }
        JsonOut.put(node, "envFrom", TemplateFields.envFrom(container.getEnvFrom()));
        return node;
    }
}
