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
 * {@code argocd.rollback}: redeploys an earlier entry of an application's sync history ({@code argocd app rollback
 * NAME ID}). The history is read first, so an id Argo CD does not have, or the one deployed now, is refused with the
 * ids it does have. Argo CD itself refuses while auto-sync is on; that refusal is passed on in its words.
 */
public final class RollbackApplicationTool extends ArgoCdAction<RollbackApplicationTool.Params> {
    record Params(String name, long id) {}

    public RollbackApplicationTool(ArgoCdClient client) {
        super(
                client,
                "rollback",
                "Rolls an Argo CD application back to an entry of its sync history (as `argocd app rollback NAME"
                        + " ID`): the revision deployed then is deployed again. Argo CD refuses while automated sync"
                        + " is enabled.",
                "Roll an Argo CD application back to a history entry",
                applicationSchema()
                        .integer("id", "the sync history id to go back to (argocd.sync_history)", 0, Integer.MAX_VALUE)
                        .require("id"));
    }

    @Override
    protected Params parse(Arguments arguments) {
        String name = name(arguments);
        int id = arguments.integer("id", -1, 0, Integer.MAX_VALUE);
        if (id < 0) {
            throw refused("argument 'id' is required");
        }
        return new Params(name, id);
    }

    @Override
    protected List<PolicyRequest> requests(Params params, String environment, String principal) {
        return List.of(
                Requests.argocd("get", Risk.READ, null, params.name(), environment, principal),
                Requests.argocd("rollback", Risk.WRITE, null, params.name(), environment, principal));
    }

    @Override
    protected ToolResult act(ToolContext context, Params params) {
        Application application = client.application(params.name(), context);
        List<HistoryEntry> history = application.history();
        HistoryEntry entry = history.stream()
                .filter(h -> h.id() == params.id())
                .findFirst()
                .orElseThrow(() -> refused(
                        "Argo CD application " + params.name() + " has no history id " + params.id() + " (ids kept: "
                                + history.stream().map(HistoryEntry::id).toList() + ")"));
        if (!history.isEmpty() && history.getLast().id() == params.id()) {
            throw refused("history id " + params.id() + " is what Argo CD deployed last for " + params.name()
                    + ": nothing to roll back to");
        }
        client.rollback(params.name(), params.id(), context);
        String revision = Revisions.describe(entry.revision());
        return new ToolResult.Success(
                "Argo CD application " + params.name() + " rolling back to history id " + params.id() + " (" + revision
                        + ")",
                Json.object()
                        .put("application", params.name())
                        .put("id", params.id())
                        .put("revision", entry.revision()));
    }
}
