package dev.opsbot.tools.github;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code github.list_workflow_runs}: a repository's recent GitHub Actions runs, newest first. */
public final class ListWorkflowRunsTool extends ReadTool {
    static final int MAX_MINUTES = 7 * 24 * 60;
    private final GitHubClient client;

    public ListWorkflowRunsTool(GitHubClient client) {
        super(new ToolSpec(
                "github.list_workflow_runs",
                GitHubClient.SOURCE,
                "Lists a repository's GitHub Actions workflow runs created in the last N minutes, newest first:"
                        + " workflow name, run number, event, status and conclusion, branch, commit, actor, times"
                        + " and link. Use it to see what was built or deployed, and whether it failed.",
                "List recent GitHub Actions runs of a repository",
                JsonSchema.object()
                        .string("repo", "the repository as owner/repo")
                        .string("branch", "only runs on this branch")
                        .integer("minutes", "runs created in the last N minutes (default 180)", 1, MAX_MINUTES)
                        .integer("limit", "at most this many runs (default 20)", 1, GitHubClient.MAX_RUNS)
                        .require("repo")
                        .build(),
                Risk.READ));
        this.client = client;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        RepoName repo = RepoName.parse(arguments.text("repo"));
        String branch = arguments.optionalText("branch", "");
        int minutes = arguments.integer("minutes", 180, 1, MAX_MINUTES);
        int limit = arguments.integer("limit", 20, 1, GitHubClient.MAX_RUNS);
        Instant since = context.clock().instant().minus(Duration.ofMinutes(minutes));
        List<WorkflowRun> runs = client.workflowRuns(repo, since, branch, limit, context);
        if (runs.isEmpty()) {
            return new ToolResult.NoData(repo + " has no workflow runs in the last " + minutes + " min");
        }
        ObjectNode data = Json.object().put("repo", repo.toString());
        ArrayNode items = data.putArray("runs");
        runs.forEach(run -> items.add(json(run)));
        long failed =
                runs.stream().filter(run -> run.conclusion().equals("failure")).count();
        String summary = repo + ": " + runs.size() + " workflow runs in the last " + minutes + " min"
                + (failed > 0 ? " (" + failed + " failed)" : "") + "; latest: " + CiChanges.describe(runs.getFirst());
        return new ToolResult.Success(summary, data);
    }

    private static ObjectNode json(WorkflowRun run) {
        return Json.object()
                .put("id", run.id())
                .put("name", run.name())
                .put("runNumber", run.runNumber())
                .put("event", run.event())
                .put("status", run.status())
                .put("conclusion", run.conclusion())
                .put("branch", run.branch())
                .put("sha", run.shortSha())
                .put("actor", run.actor())
                .put("createdAt", String.valueOf(run.createdAt()))
                .put("runStartedAt", String.valueOf(run.runStartedAt()))
                .put("updatedAt", String.valueOf(run.updatedAt()))
                .put("url", run.url());
    }
}
