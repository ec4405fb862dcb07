package dev.opsbot.tools.argocd;

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

/** {@code argocd.sync_history}: an application's recent syncs, newest first, and its last operation. */
public final class SyncHistoryTool extends ReadTool {
    private final ArgoCdClient client;

    public SyncHistoryTool(ArgoCdClient client) {
        super(new ToolSpec(
                "argocd.sync_history",
                ArgoCdClient.SOURCE,
                "Lists an Argo CD application's sync history, newest first: history id (what a rollback names),"
                        + " git revision, deployStartedAt/deployedAt, source repo/path/targetRevision and who"
                        + " initiated it; plus the last operation's phase, message, startedAt and finishedAt.",
                "Show an Argo CD application's sync history",
                JsonSchema.object()
                        .string("name", "the application name")
                        .integer("limit", "at most this many entries (default 10)", 1, ApplicationReader.MAX_HISTORY)
                        .require("name")
                        .build(),
                Risk.READ));
        this.client = client;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        String name = arguments.text("name");
        int limit = arguments.integer("limit", 10, 1, ApplicationReader.MAX_HISTORY);
        Application app = client.application(name, context);
        List<HistoryEntry> history = app.history();
        if (history.isEmpty() && app.operation().isEmpty()) {
            return new ToolResult.NoData("application " + name + " has no sync history");
        }
        List<HistoryEntry> recent = history.subList(Math.max(0, history.size() - limit), history.size());
        ObjectNode data = Json.object().put("application", name);
        data.set("history", ApplicationJson.history(recent));
        app.operation().ifPresent(op -> data.set("operation", ApplicationJson.operation(op)));
        String summary = history.isEmpty()
                ? name + ": no completed syncs"
                : name + ": " + history.size() + " syncs, last #"
                        + history.getLast().id() + " to "
                        + Revisions.describe(history.getLast().revision()) + " at "
                        + history.getLast().deployedAt();
        String operation =
                app.operation().map(op -> "; last operation " + op.phase()).orElse("");
        return new ToolResult.Success(summary + operation, data);
    }
}
