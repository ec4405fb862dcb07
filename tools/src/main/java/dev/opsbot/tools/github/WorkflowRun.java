package dev.opsbot.tools.github;

import java.time.Instant;

/**
 * One GitHub Actions workflow run.
 *
 * @param status {@code queued}, {@code in_progress}, {@code completed}, ...
 * @param conclusion {@code success}, {@code failure}, {@code cancelled}, ..., empty until completed
 * @param runStartedAt when the run (or its latest attempt) started, or null
 */
public record WorkflowRun(
        long id,
        String name,
        long runNumber,
        String event,
        String status,
        String conclusion,
        String branch,
        String sha,
        String actor,
        Instant createdAt,
        Instant runStartedAt,
        Instant updatedAt,
        String url) {

    /** The conclusion when completed, else the status: {@code success}, {@code failure}, {@code in_progress}. */
    public String outcome() {
        return conclusion.isEmpty() ? status : conclusion;
    }

    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
