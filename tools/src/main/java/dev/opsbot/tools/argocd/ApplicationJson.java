package dev.opsbot.tools.argocd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.http.Json;
import java.time.Instant;
import java.util.List;

/** The compact JSON the Argo CD tools answer with. */
final class ApplicationJson {
    private ApplicationJson() {}

    static ObjectNode summary(Application app) {
        return Json.object()
                .put("name", app.name())
                .put("project", app.project())
                .put("destinationNamespace", app.destinationNamespace())
                .put("sync", app.syncStatus())
                .put("health", app.healthStatus())
                .put("revision", app.syncRevision());
    }

    static ObjectNode detail(Application app) {
        ObjectNode node = summary(app);
        node.put("healthMessage", app.healthMessage());
        ArrayNode resources = node.putArray("unhealthyResources");
        for (ResourceHealth resource : app.resources()) {
            resources
                    .addObject()
                    .put("kind", resource.kind())
                    .put("namespace", resource.namespace())
                    .put("name", resource.name())
                    .put("health", resource.health())
                    .put("message", resource.message());
        }
        app.operation().ifPresent(op -> node.set("operation", operation(op)));
        return node;
    }

    /** History entries, newest first. */
    static ArrayNode history(List<HistoryEntry> entries) {
        ArrayNode array = Json.array();
        for (HistoryEntry entry : entries.reversed()) {
            ObjectNode item = array.addObject()
                    .put("id", entry.id())
                    .put("revision", entry.revision())
                    .put("deployedAt", time(entry.deployedAt()))
                    .put("deployStartedAt", time(entry.deployStartedAt()));
            item.putObject("source")
                    .put("repoURL", entry.repoUrl())
                    .put("path", entry.path())
                    .put("targetRevision", entry.targetRevision());
            if (!entry.initiatedBy().isEmpty() || entry.automated()) {
                item.putObject("initiatedBy")
                        .put("username", entry.initiatedBy())
                        .put("automated", entry.automated());
            }
        }
        return array;
    }

    static ObjectNode operation(OperationState op) {
        return Json.object()
                .put("phase", op.phase())
                .put("message", op.message())
                .put("revision", op.revision())
                .put("startedAt", time(op.startedAt()))
                .put("finishedAt", time(op.finishedAt()))
                .put("initiatedBy", op.initiatedBy());
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
