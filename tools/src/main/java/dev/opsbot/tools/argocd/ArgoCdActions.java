package dev.opsbot.tools.argocd;

import dev.opsbot.tools.actions.ActionTool;
import java.util.List;

/** The Argo CD action tools over one client, for wiring into the action runner. */
public final class ArgoCdActions {
    private ArgoCdActions() {}

    public static List<ActionTool> all(ArgoCdClient client) {
        return List.of(new SyncApplicationTool(client), new RollbackApplicationTool(client));
    }
}
