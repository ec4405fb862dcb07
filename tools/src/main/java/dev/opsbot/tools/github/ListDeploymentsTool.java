package dev.opsbot.tools.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.util.List;

/** {@code github.list_deployments}: a repository's recent deployments with their latest status. */
public final class ListDeploymentsTool extends ReadTool {
    /** Statuses are read for at most this many of the listed deployments. */
    static final int MAX_STATUS_LOOKUPS = 10;

    private final GitHubClient client;

    public ListDeploymentsTool(GitHubClient client) {
        super(new ToolSpec(
                "github.list_deployments",
                GitHubClient.SOURCE,
                "Lists a repository's GitHub deployments, newest first: environment, commit, ref, creator, time"
                        + " and latest status (success, failure, error, in_progress, inactive). Optionally one"
                        + " environment only.",
                "List recent GitHub deployments of a repository",
                JsonSchema.object()
                        .string("repo", "the repository as owner/repo")
                        .string("environment", "only deployments to this environment, e.g. production")
                        .integer("limit", "at most this many deployments (default 10)", 1, GitHubClient.MAX_DEPLOYMENTS)
                        .require("repo")
                        .build(),
                Risk.READ));
        this.client = client;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        RepoName repo = RepoName.parse(arguments.text("repo"));
        String environment = arguments.optionalText("environment", "");
        int limit = arguments.integer("limit", 10, 1, GitHubClient.MAX_DEPLOYMENTS);
        List<Deployment> deployments = client.deployments(repo, environment, limit, context);
        if (deployments.isEmpty()) {
            return new ToolResult.NoData(
                    repo + " has no deployments" + (environment.isEmpty() ? "" : " to " + environment));
        }
        ObjectNode data = Json.object().put("repo", repo.toString());
        ArrayNode items = data.putArray("deployments");
        for (int i = 0; i < deployments.size(); i++) {
            Deployment deployment = deployments.get(i);
            String state = i < MAX_STATUS_LOOKUPS ? latestState(repo, deployment, context) : "";
            items.add(json(deployment, state));
        }
        String summary = repo + ": " + deployments.size() + " deployments; latest: "
                + CiChanges.describe(
                        deployments.getFirst(), items.get(0).path("state").asText());
        return new ToolResult.Success(summary, data);
    }

    private String latestState(RepoName repo, Deployment deployment, ToolContext context) {
        try {
            return client.deploymentStatuses(repo, deployment.id(), 1, context).stream()
                    .findFirst()
                    .map(DeploymentStatus::state)
                    .orElse("");
        } catch (SourceFailure failure) {
            if (failure.kind() == SourceFailure.Kind.TIMEOUT) {
                throw failure;
            }
            return "unknown (" + failure.getMessage() + ")";
        }
    }

    private static ObjectNode json(Deployment deployment, String state) {
        return Json.object()
                .put("id", deployment.id())
                .put("environment", deployment.environment())
                .put("sha", deployment.shortSha())
                .put("ref", deployment.ref())
                .put("task", deployment.task())
                .put("creator", deployment.creator())
                .put("createdAt", String.valueOf(deployment.createdAt()))
                .put("description", deployment.description())
                .put("state", state);
    }
}
