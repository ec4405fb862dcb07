package dev.opsbot.tools.argocd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.util.List;

/** {@code argocd.list_applications}: the applications the person may see, with sync and health status. */
public final class ListApplicationsTool extends ReadTool {
    static final int MAX_LIMIT = 200;
    private final ArgoCdClient client;

    public ListApplicationsTool(ArgoCdClient client) {
        super(new ToolSpec(
                "argocd.list_applications",
                ArgoCdClient.SOURCE,
                "Lists Argo CD applications with their sync status (Synced/OutOfSync), health (Healthy, Degraded,"
                        + " Progressing, Missing) and current revision. Optionally only those deploying into one"
                        + " Kubernetes namespace.",
                "List Argo CD applications with sync and health status",
                JsonSchema.object()
                        .string("namespace", "only applications whose destination is this Kubernetes namespace")
                        .integer("limit", "at most this many applications (default 50)", 1, MAX_LIMIT)
                        .build(),
                Risk.READ));
        this.client = client;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        String namespace = arguments.optionalText("namespace", "");
        int limit = arguments.integer("limit", 50, 1, MAX_LIMIT);
        List<Application> matching = client.listApplications(context).stream()
                .filter(app -> namespace.isEmpty() || app.destinationNamespace().equals(namespace))
                .toList();
        if (matching.isEmpty()) {
            return new ToolResult.NoData(
                    namespace.isEmpty() ? "argocd has no applications" : "argocd has no applications in " + namespace);
        }
        ObjectNode data = Json.object().put("total", matching.size());
        ArrayNode items = data.putArray("applications");
        matching.stream().limit(limit).forEach(app -> items.add(ApplicationJson.summary(app)));
        long unhealthy = matching.stream()
                .filter(app -> !app.healthStatus().equals("Healthy"))
                .count();
        long outOfSync = matching.stream()
                .filter(app -> !app.syncStatus().equals("Synced"))
                .count();
        String summary = matching.size() + " applications (" + unhealthy + " not Healthy, " + outOfSync + " not Synced)"
                + (matching.size() > limit ? ", first " + limit + " shown" : "");
        return new ToolResult.Success(summary, data);
    }
}
