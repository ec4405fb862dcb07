package dev.opsbot.tools.github;

import dev.opsbot.core.tool.Tool;
import java.util.List;

/** The GitHub tools over one client, for wiring. */
public final class GitHubTools {
    private GitHubTools() {}

    public static List<Tool> all(GitHubClient client) {
        return List.of(new ListWorkflowRunsTool(client), new ListDeploymentsTool(client));
    }
}
