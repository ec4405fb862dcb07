package dev.opsbot.tools.github;

import java.time.Instant;

/**
 * One status of a deployment.
 *
 * @param state {@code success}, {@code failure}, {@code error}, {@code in_progress}, {@code queued}, {@code pending},
 *     {@code inactive}
 */
public record DeploymentStatus(String state, String creator, Instant createdAt, String description) {}
