package dev.opsbot.tools.argocd;

import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.actions.Requests;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import java.util.List;

/**
 * {@code argocd.sync}: starts a sync of an application to its target revision ({@code argocd app sync}), pruning
 * nothing. Argo CD runs the operation on its own; the tool reports that it started, and verification watches the
 * result.
 */
public final class SyncApplicationTool extends ArgoCdAction<String> {
    public SyncApplicationTool(ArgoCdClient client) {
        super(
                client,
                "sync",
                "Starts an Argo CD sync of an application to its target revision (as `argocd app sync`), without"
                        + " pruning. Use it when the live state drifted from git or a sync failed halfway.",
                "Sync an Argo CD application",
                applicationSchema());
    }

    @Override
    protected String parse(Arguments arguments) {
        return name(arguments);
    }

    @Override
    protected List<PolicyRequest> requests(String name, String environment, String principal) {
        return List.of(Requests.argocd("sync", Risk.WRITE, null, name, environment, principal));
    }

    @Override
    protected ToolResult act(ToolContext context, String name) {
        Application application = client.sync(name, context);
        return new ToolResult.Success(
                "Argo CD application " + application.name() + ": sync started",
                Json.object().put("application", application.name()).put("operation", "sync"));
    }
}
