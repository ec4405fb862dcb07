package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.Hpas;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Comparator;
import java.util.List;

/** {@code kubernetes.list_hpas}: min/max/current/desired replicas, metrics and conditions of each HPA. */
final class ListHpasTool extends KubernetesReadTool {
    static final int MAX_HPAS = 50;

    ListHpasTool(KubernetesAccess access) {
        super(
                access,
                "list_hpas",
                "List HorizontalPodAutoscalers in a namespace: target, min/max/current/desired replicas, metrics"
                        + " (current/target, e.g. cpu 85%/70%) and conditions (AbleToScale, ScalingActive,"
                        + " ScalingLimited with reasons such as FailedGetResourceMetric or TooManyReplicas).",
                "List autoscalers and whether they are at their limit",
                KubernetesReadTool.namespacedSchema()
                        .string("name", "only this HPA")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String name = args.optionalName("name");
        List<HorizontalPodAutoscaler> hpas = access
                .read(
                        context,
                        ApiCall.list("horizontalpodautoscalers.autoscaling", namespace),
                        client -> client.autoscaling()
                                .v2()
                                .horizontalPodAutoscalers()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                .stream()
                .filter(hpa -> name.isEmpty() || name.equals(hpa.getMetadata().getName()))
                .sorted(Comparator.comparing(hpa -> hpa.getMetadata().getName()))
                .toList();
        if (hpas.isEmpty()) {
            return new ToolResult.NoData(
                    "no HorizontalPodAutoscalers in namespace " + namespace + (name.isEmpty() ? "" : " named " + name));
        }
        ObjectNode data = JsonOut.capped(JsonOut.object(), "hpas", hpas, MAX_HPAS, ListHpasTool::hpa);
        long atMax = hpas.stream().filter(h -> Hpas.current(h) >= Hpas.max(h)).count();
        return new ToolResult.Success(hpas.size() + " HPAs in " + namespace + ", " + atMax + " at their maximum", data);
    }

    private static ObjectNode hpa(HorizontalPodAutoscaler hpa) {
        ObjectNode node = JsonOut.object().put("name", hpa.getMetadata().getName());
        node.put("target", Hpas.target(hpa));
        node.put("min", Hpas.min(hpa)).put("max", Hpas.max(hpa));
        node.put("current", Hpas.current(hpa)).put("desired", Hpas.desired(hpa));
        JsonOut.put(node, "metrics", Hpas.metrics(hpa));
        JsonOut.put(
                node,
                "lastScaleTime",
                hpa.getStatus() == null ? null : Times.parse(hpa.getStatus().getLastScaleTime()));
        ArrayNode conditions = node.putArray("conditions");
        if (hpa.getStatus() != null && hpa.getStatus().getConditions() != null) {
            for (var condition : hpa.getStatus().getConditions()) {
                ObjectNode item =
                        conditions.addObject().put("type", condition.getType()).put("status", condition.getStatus());
                JsonOut.put(item, "reason", condition.getReason());
                JsonOut.put(item, "message", condition.getMessage());
                JsonOut.put(item, "lastTransitionTime", Times.parse(condition.getLastTransitionTime()));
            }
        }
        return node;
    }
}
