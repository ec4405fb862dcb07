package dev.opsbot.tools.github;

import static dev.opsbot.tools.http.Json.instant;
import static dev.opsbot.tools.http.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads GitHub's JSON answers into records, leniently (absent fields read as empty or null). */
final class GitHubReader {
    private GitHubReader() {}

    /** {@code {"total_count": n, "workflow_runs": [...]}}. */
    static List<WorkflowRun> runs(JsonNode answer, int limit) {
        List<WorkflowRun> runs = new ArrayList<>();
        for (JsonNode run : answer.path("workflow_runs")) {
            if (runs.size() == limit) {
                break;
            }
            runs.add(new WorkflowRun(
                    run.path("id").asLong(),
                    text(run, "name"),
                    run.path("run_number").asLong(),
                    text(run, "event"),
                    text(run, "status"),
                    text(run, "conclusion"),
                    text(run, "head_branch"),
                    text(run, "head_sha"),
                    login(run.path("actor").isObject() ? run.path("actor") : run.path("triggering_actor")),
                    instant(run, "created_at"),
                    instant(run, "run_started_at"),
                    instant(run, "updated_at"),
                    text(run, "html_url")));
        }
        return runs;
    }

    /** A JSON array of deployments. */
    static List<Deployment> deployments(JsonNode answer, int limit) {
        List<Deployment> deployments = new ArrayList<>();
        for (JsonNode deployment : answer) {
            if (deployments.size() == limit) {
                break;
            }
            deployments.add(new Deployment(
                    deployment.path("id").asLong(),
                    text(deployment, "sha"),
                    text(deployment, "ref"),
                    text(deployment, "task"),
                    text(deployment, "environment"),
                    login(deployment.path("creator")),
                    instant(deployment, "created_at"),
                    instant(deployment, "updated_at"),
                    text(deployment, "description")));
        }
        return deployments;
    }

    /** A JSON array of statuses, newest first as GitHub sends them. */
    static List<DeploymentStatus> statuses(JsonNode answer, int limit) {
        List<DeploymentStatus> statuses = new ArrayList<>();
        for (JsonNode status : answer) {
            if (statuses.size() == limit) {
                break;
            }
            statuses.add(new DeploymentStatus(
                    text(status, "state"),
                    login(status.path("creator")),
                    instant(status, "created_at"),
                    text(status, "description")));
        }
        return statuses;
    }

    private static String login(JsonNode user) {
        return text(user, "login");
    }
}
