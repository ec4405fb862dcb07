package dev.opsbot.tools.argocd;

import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.util.stream.Collectors;

/** {@code argocd.get_application}: one application's sync and health, its unhealthy resources, its last operation. */
public final class GetApplicationTool extends ReadTool {
    private final ArgoCdClient client;

    public GetApplicationTool(ArgoCdClient client) {
        super(new ToolSpec(
                "argocd.get_application",
                ArgoCdClient.SOURCE,
                "Reads one Argo CD application: sync status and revision, health status, the resources that are"
                        + " not Healthy with their messages, and the last sync operation (phase, message, times).",
                "Show an Argo CD application's sync and health",
                JsonSchema.object()
                        .string("name", "the application name")
                        .require("name")
                        .build(),
                Risk.READ));
        this.client = client;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        Application app = client.application(arguments.text("name"), context);
        String unhealthy = app.resources().stream()
                .limit(3)
                .map(r -> r.kind() + " " + (r.namespace().isEmpty() ? "" : r.namespace() + "/") + r.name())
                .collect(Collectors.joining(", "));
        String summary = app.name() + ": " + app.syncStatus() + " to " + Revisions.describe(app.syncRevision()) + ", "
                + app.healthStatus() + (unhealthy.isEmpty() ? "" : "; not Healthy: " + unhealthy)
                + (app.resources().size() > 3 ? " and " + (app.resources().size() - 3) + " more" : "");
        return new ToolResult.Success(summary, ApplicationJson.detail(app));
    }
}
