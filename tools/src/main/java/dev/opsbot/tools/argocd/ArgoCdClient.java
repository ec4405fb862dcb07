package dev.opsbot.tools.argocd;

import static dev.opsbot.tools.http.HttpUris.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.http.HttpUris;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Argo CD's REST API: the reads {@code GET /api/v1/applications}, {@code GET /api/v1/applications/{name}} and
 * {@code GET /api/v1/applications/{name}/revisions/{revision}/metadata}, and the two writes the action tools make,
 * {@code POST /api/v1/applications/{name}/sync} and {@code .../rollback} (never retried). Every call acts as the
 * context's actor with the bearer token {@code token} returns for them (an empty token sends no {@code Authorization}
 * header).
 */
public final class ArgoCdClient {
    public static final String SOURCE = "argocd";
    /** At most this many applications are read from a list answer. */
    public static final int MAX_APPLICATIONS = 500;

    private final URI baseUrl;
    private final Function<Principal, String> token;
    private final JsonHttpClient http;
    private final ArgoCdPost post;

    public ArgoCdClient(URI baseUrl, Function<Principal, String> token, Duration connectTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
        this.http = new JsonHttpClient(SOURCE, connectTimeout);
        this.post = new ArgoCdPost(connectTimeout);
    }

    public ArgoCdClient(URI baseUrl, Function<Principal, String> token) {
        this(baseUrl, token, JsonHttpClient.DEFAULT_CONNECT_TIMEOUT);
    }

    /** The applications the actor may see (Argo CD filters the list by RBAC), at most {@link #MAX_APPLICATIONS}. */
    public List<Application> listApplications(ToolContext context) {
        JsonNode answer = get("/api/v1/applications", context, "applications/get", "applications");
        return ApplicationReader.list(answer, MAX_APPLICATIONS);
    }

    /** One application; NOT_FOUND when it does not exist. */
    public Application application(String name, ToolContext context) {
        JsonNode answer = get(
                "/api/v1/applications/" + encode(name), context, "applications/get on " + name, "application " + name);
        return ApplicationReader.application(answer);
    }

    /** The commit behind a revision, or empty when the repo server does not know it (404). */
    public Optional<RevisionMetadata> revisionMetadata(String application, String revision, ToolContext context) {
        try {
            JsonNode answer = get(
                    "/api/v1/applications/" + encode(application) + "/revisions/" + encode(revision) + "/metadata",
                    context,
                    "applications/get on " + application,
                    "metadata for revision " + revision + " of " + application);
            return Optional.of(new RevisionMetadata(
                    Json.text(answer, "author"), Json.instant(answer, "date"), Json.text(answer, "message")));
        } catch (SourceFailure failure) {
            if (failure.kind() == SourceFailure.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /**
     * Starts a sync of the application to its target revision, pruning nothing: {@code POST .../sync}. Argo CD answers
     * with the application, its operation started.
     */
    public Application sync(String name, ToolContext context) {
        ObjectNode body = Json.object().put("dryRun", false).put("prune", false);
        JsonNode answer = post.post(
                HttpUris.under(baseUrl, "/api/v1/applications/" + encode(name) + "/sync"),
                headers(context),
                body,
                context,
                "the sync of " + name,
                "applications/sync on " + name);
        return ApplicationReader.application(answer);
    }

    /** Rolls the application back to the sync history entry {@code id}: {@code POST .../rollback}. */
    public Application rollback(String name, long id, ToolContext context) {
        ObjectNode body = Json.object().put("id", id).put("dryRun", false).put("prune", false);
        JsonNode answer = post.post(
                HttpUris.under(baseUrl, "/api/v1/applications/" + encode(name) + "/rollback"),
                headers(context),
                body,
                context,
                "the rollback of " + name + " to history id " + id,
                "applications/sync on " + name);
        return ApplicationReader.application(answer);
    }

    private JsonNode get(String path, ToolContext context, String permission, String what) {
        return http.getJson(HttpUris.under(baseUrl, path), headers(context), context, permission, what);
    }

    private Map<String, String> headers(ToolContext context) {
        String bearer = token.apply(context.actor());
        return bearer == null || bearer.isBlank()
                ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Authorization", "Bearer " + bearer);
    }
}
