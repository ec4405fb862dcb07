package dev.opsbot.tools.argocd;

import dev.opsbot.core.tool.Tool;
import java.util.List;

/** The Argo CD tools over one client, for wiring. */
public final class ArgoCdTools {
    private ArgoCdTools() {}

    public static List<Tool> all(ArgoCdClient client) {
        return List.of(new ListApplicationsTool(client), new GetApplicationTool(client), new SyncHistoryTool(client));
    }
}
