package dev.opsbot.tools.github;

import static dev.opsbot.tools.http.HttpUris.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.http.HttpReply;
import dev.opsbot.tools.http.HttpUris;
import dev.opsbot.tools.http.JsonHttpClient;
import dev.opsbot.tools.http.JsonReplies;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * GitHub's REST API, read-only, one page per call: {@code GET /repos/{owner}/{repo}/actions/runs},
 * {@code GET /repos/{owner}/{repo}/deployments} and {@code GET /repos/{owner}/{repo}/deployments/{id}/statuses}.
 * Calls act as the context's actor with the token {@code token} returns for them (an empty token calls
 * anonymously, which only public repositories answer).
 */
public final class GitHubClient {
    public static final String SOURCE = "github";
    public static final URI PUBLIC_API = URI.create("https://api.github.com");
    public static final String API_VERSION = "2022-11-28";
    public static final int MAX_RUNS = 50;
    public static final int MAX_DEPLOYMENTS = 30;
    public static final int MAX_STATUSES = 10;

    private final URI baseUrl;
    private final Function<Principal, String> token;
    private final JsonHttpClient http;

    public GitHubClient(URI baseUrl, Function<Principal, String> token, Duration connectTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
        this.http = new JsonHttpClient(SOURCE, connectTimeout);
    }

    public GitHubClient(URI baseUrl, Function<Principal, String> token) {
        this(baseUrl, token, JsonHttpClient.DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The newest workflow runs, at most {@code limit} (capped at {@link #MAX_RUNS}).
     *
     * @param createdSince only runs created at or after this (GitHub's {@code created=>=} filter), or null for all
     * @param branch only runs on this branch, or empty for all
     */
    public List<WorkflowRun> workflowRuns(
            RepoName repo, Instant createdSince, String branch, int limit, ToolContext context) {
        int perPage = Math.clamp(limit, 1, MAX_RUNS);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("per_page", String.valueOf(perPage));
        if (createdSince != null) {
            query.put("created", ">=" + createdSince.truncatedTo(ChronoUnit.SECONDS));
        }
        if (!branch.isEmpty()) {
            query.put("branch", branch);
        }
        JsonNode answer = get(repo, "/actions/runs", query, context, "actions:read on " + repo, JsonNodeType.OBJECT);
        return GitHubReader.runs(answer, perPage);
    }

    /** The newest deployments, at most {@code limit} (capped at {@link #MAX_DEPLOYMENTS}). */
    public List<Deployment> deployments(RepoName repo, String environment, int limit, ToolContext context) {
        int perPage = Math.clamp(limit, 1, MAX_DEPLOYMENTS);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("per_page", String.valueOf(perPage));
        if (!environment.isEmpty()) {
            query.put("environment", environment);
        }
        JsonNode answer = get(repo, "/deployments", query, context, "deployments:read on " + repo, JsonNodeType.ARRAY);
        return GitHubReader.deployments(answer, perPage);
    }

    /** A deployment's statuses, newest first, at most {@code limit} (capped at {@link #MAX_STATUSES}). */
    public List<DeploymentStatus> deploymentStatuses(RepoName repo, long deploymentId, int limit, ToolContext context) {
        int perPage = Math.clamp(limit, 1, MAX_STATUSES);
        JsonNode answer = get(
                repo,
                "/deployments/" + deploymentId + "/statuses",
                Map.of("per_page", String.valueOf(perPage)),
                context,
                "deployments:read on " + repo,
                JsonNodeType.ARRAY);
        return GitHubReader.statuses(answer, perPage);
    }

    private JsonNode get(
            RepoName repo,
            String path,
            Map<String, String> query,
            ToolContext context,
            String permission,
            JsonNodeType shape) {
        StringBuilder uri = new StringBuilder("/repos/")
                .append(encode(repo.owner()))
                .append('/')
                .append(encode(repo.name()))
                .append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        HttpReply reply = http.get(HttpUris.under(baseUrl, uri.toString()), headers(context), context);
        RateLimits.check(reply, context.clock().instant()).ifPresent(limited -> {
            throw limited;
        });
        return JsonReplies.read(
                SOURCE, reply, permission, "repository " + repo + " (or this identity cannot see it)", shape);
    }

    private Map<String, String> headers(ToolContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", API_VERSION);
        String bearer = token.apply(context.actor());
        if (bearer != null && !bearer.isBlank()) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        return headers;
    }
}
