package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * {@code kubernetes.rollout_history}: a Deployment's revisions as diffs between consecutive ones, newest first
 * (what {@code kubectl rollout history --revision} would make a person compare by hand).
 */
final class RolloutHistoryTool extends KubernetesReadTool {
    static final int DEFAULT_REVISIONS = 10;
    static final int MAX_REVISIONS = 20;

    RolloutHistoryTool(KubernetesAccess access) {
        super(
                access,
                "rollout_history",
                "Rollout history of a Deployment, newest revision first, each as the fields that changed from the"
                        + " revision before: image, resources (requests/limits cpu and memory), env (references are"
                        + " shown, not resolved), envFrom, probes, pod-template annotations (config checksums),"
                        + " volumes. Use it to find which revision introduced a change and which revision to roll"
                        + " back to.",
                "Show a Deployment's rollout history as diffs between revisions",
                KubernetesReadTool.namespacedSchema()
                        .string("name", "Deployment name")
                        .require("name")
                        .integer("limit", "how many revisions, newest first", 1, MAX_REVISIONS)
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String name = args.name("name");
        int limit = args.integer("limit", DEFAULT_REVISIONS, 1, MAX_REVISIONS);
        Deployment deployment = DeploymentReads.deployment(access, context, namespace, name);
        var history = RolloutHistory.of(deployment, DeploymentReads.replicaSets(access, context, deployment));
        if (history.isEmpty()) {
            return new ToolResult.NoData(
                    "deployment " + namespace + "/" + name + " has no ReplicaSets with a revision");
        }
        ObjectNode data = JsonOut.object().put("deployment", namespace + "/" + name);
        JsonOut.capped(data, "revisions", history.reversed(), limit, RolloutHistoryTool::revision);
        return new ToolResult.Success(summary(namespace, name, history), data);
    }

    static String summary(String namespace, String name, List<RolloutHistory.Revision> history) {
        var newest = history.getLast();
        String what = newest.previous() == null
                ? "first revision kept"
                : newest.changes().isEmpty() ? "no template change" : RolloutHistory.describe(newest.changes(), 3);
        return "Deployment " + namespace + "/" + name + ": revision " + newest.revision() + " at "
                + Times.clock(newest.at()) + " (" + what + "); " + history.size() + " revisions kept";
    }

    static ObjectNode revision(RolloutHistory.Revision revision) {
        ObjectNode node = JsonOut.object().put("revision", revision.revision());
        node.put("replicaSet", revision.name());
        JsonOut.put(node, "createdAt", revision.at());
        var rs = revision.replicaSet();
        ObjectNode images = node.putObject("images");
        for (Container container : rs.getSpec().getTemplate().getSpec().getContainers()) {
            images.put(container.getName(), container.getImage());
        }
        JsonOut.put(
                node, "replicas", rs.getStatus() == null ? null : rs.getStatus().getReplicas());
        if (revision.previous() == null) {
            node.put("baseline", true);
            return node;
        }
        node.put("previousRevision", revision.previous());
        ArrayNode changes = node.putArray("changes");
        for (FieldChange change : revision.changes()) {
            ObjectNode item = changes.addObject();
            JsonOut.put(item, "container", change.container());
            item.put("field", change.field());
            item.put("before", change.before());
            item.put("after", change.after());
        }
        return node;
    }
}
