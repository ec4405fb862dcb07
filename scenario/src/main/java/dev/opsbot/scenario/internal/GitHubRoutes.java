package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * GitHub's REST API over the scenario's files: {@code GET /repos/{owner}/{repo}/actions/runs} (the runs file;
 * {@code branch}, {@code event}, {@code status} filter, {@code per_page} and {@code page} page) and
 * {@code GET /repos/{owner}/{repo}/deployments} ({@code []} unless a deployments file exists; {@code environment}
 * filters, {@code per_page} and {@code page} page). A repository without a runs file is unknown: 404.
 */
final class GitHubRoutes {
    static final String PREFIX = "/repos/";
    private static final Pattern RUNS = Pattern.compile("/repos/([^/]+)/([^/]+)/actions/runs/?");
    private static final Pattern DEPLOYMENTS = Pattern.compile("/repos/([^/]+)/([^/]+)/deployments/?");
    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;

    private final Map<String, JsonNode> runs;
    private final Map<String, JsonNode> deployments;

    GitHubRoutes(Map<String, JsonNode> runs, Map<String, JsonNode> deployments) {
        this.runs = runs;
        this.deployments = deployments;
    }

    Optional<JsonReply> answer(String path, Map<String, String> query) {
        Matcher runsPath = RUNS.matcher(path);
        if (runsPath.matches()) {
            JsonNode file = runs.get(runsPath.group(1) + "/" + runsPath.group(2));
            return Optional.of(file == null ? JsonReply.githubNotFound() : runs(file, query));
        }
        Matcher deploymentsPath = DEPLOYMENTS.matcher(path);
        if (deploymentsPath.matches()) {
            String repository = deploymentsPath.group(1) + "/" + deploymentsPath.group(2);
            if (!runs.containsKey(repository) && !deployments.containsKey(repository)) {
                return Optional.of(JsonReply.githubNotFound());
            }
            JsonNode file = deployments.getOrDefault(repository, JsonNodeFactory.instance.arrayNode());
            List<JsonNode> kept = filter(file, query, Map.of("environment", "environment"));
            return Optional.of(JsonReply.ok(page(kept, query)));
        }
        return Optional.empty();
    }

    private static JsonReply runs(JsonNode file, Map<String, String> query) {
        List<JsonNode> kept = filter(
                file.path("workflow_runs"),
                query,
                Map.of("branch", "head_branch", "event", "event", "status", "status", "head_sha", "head_sha"));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("total_count", kept.size());
        answer.set("workflow_runs", page(kept, query));
        return JsonReply.ok(answer);
    }

    /** Keeps the items whose field equals each given query parameter ({@code status} also matches conclusion). */
    private static List<JsonNode> filter(JsonNode items, Map<String, String> query, Map<String, String> fields) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> fields.entrySet().stream().allMatch(field -> {
                    String wanted = query.get(field.getKey());
                    return wanted == null
                            || wanted.equals(item.path(field.getValue()).asText())
                            || (field.getKey().equals("status")
                                    && wanted.equals(item.path("conclusion").asText()));
                }))
                .toList();
    }

    private static ArrayNode page(List<JsonNode> items, Map<String, String> query) {
        int perPage = Math.min(MAX_PER_PAGE, Math.max(1, number(query.get("per_page"), DEFAULT_PER_PAGE)));
        int page = Math.max(1, number(query.get("page"), 1));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(out::add);
        return out;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
