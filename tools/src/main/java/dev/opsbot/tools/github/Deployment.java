package dev.opsbot.tools.github;

import java.time.Instant;

/** One GitHub deployment record ({@code GET /repos/{owner}/{repo}/deployments}). */
public record Deployment(
        long id,
        String sha,
        String ref,
        String task,
        String environment,
        String creator,
        Instant createdAt,
        Instant updatedAt,
        String description) {

    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
