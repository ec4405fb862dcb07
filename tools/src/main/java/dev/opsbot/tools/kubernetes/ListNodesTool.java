package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.NodeConditions;
import dev.opsbot.tools.kubernetes.internal.Quantities;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Comparator;
import java.util.List;

/** {@code kubernetes.list_nodes}: readiness, conditions with their transition times, allocatable resources. */
final class ListNodesTool extends KubernetesReadTool {
    static final int MAX_NODES = 50;

    ListNodesTool(KubernetesAccess access) {
        super(
                access,
                "list_nodes",
                "List cluster nodes (or one by name): Ready, conditions (MemoryPressure, DiskPressure, PIDPressure,"
                        + " Ready) with lastTransitionTime, allocatable cpu/memory/pods, cordoned. Troubled nodes"
                        + " first; at most " + MAX_NODES + ".",
                "List nodes and their conditions",
                JsonSchema.object().string("name", "only this node").build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String name = args.optionalName("name");
        List<Node> nodes;
        if (name.isEmpty()) {
            nodes = access.read(context, ApiCall.list("nodes", ""), client -> client.nodes()
                    .list()
                    .getItems());
        } else {
            Node node = access.read(context, ApiCall.get("nodes", "", name), client -> client.nodes()
                    .withName(name)
                    .get());
            if (node == null) {
                throw new SourceFailure(
                        KubernetesAccess.SOURCE, SourceFailure.Kind.NOT_FOUND, "node " + name + " not found", null);
            }
            nodes = List.of(node);
        }
        List<Node> troubledFirst = nodes.stream()
                .sorted(Comparator.comparing((Node n) -> NodeConditions.bad(n).isEmpty())
                        .thenComparing(n -> n.getMetadata().getName()))
                .toList();
        ObjectNode data = JsonOut.capped(JsonOut.object(), "nodes", troubledFirst, MAX_NODES, ListNodesTool::node);
        long troubled =
                nodes.stream().filter(n -> !NodeConditions.bad(n).isEmpty()).count();
        return new ToolResult.Success(nodes.size() + " nodes, " + troubled + " with bad conditions", data);
    }

    private static ObjectNode node(Node node) {
        ObjectNode item = JsonOut.object().put("name", node.getMetadata().getName());
        item.put("ready", NodeConditions.ready(node));
        if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            item.put("cordoned", true);
        }
        ArrayNode conditions = item.putArray("conditions");
        if (node.getStatus() != null && node.getStatus().getConditions() != null) {
            for (var condition : node.getStatus().getConditions()) {
                ObjectNode c =
                        conditions.addObject().put("type", condition.getType()).put("status", condition.getStatus());
                JsonOut.put(c, "reason", condition.getReason());
                JsonOut.put(c, "message", condition.getMessage());
                JsonOut.put(c, "lastTransitionTime", Times.parse(condition.getLastTransitionTime()));
            }
        }
        if (node.getStatus() != null && node.getStatus().getAllocatable() != null) {
            ObjectNode allocatable = item.putObject("allocatable");
            for (String resource : new String[] {"cpu", "memory", "pods", "ephemeral-storage"}) {
                JsonOut.put(
                        allocatable,
                        resource,
                        Quantities.render(node.getStatus().getAllocatable().get(resource)));
            }
        }
        return item;
    }
}
