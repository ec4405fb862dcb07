package dev.opsbot.tools.argocd;

import java.time.Instant;

/**
 * One entry of {@code status.history}: a sync that completed.
 *
 * @param revision the git commit (or chart version) synced; for multi-source applications the first source's
 * @param deployStartedAt when the sync began, or null when Argo CD did not record it
 * @param initiatedBy who started it, or empty (older Argo CD versions do not record it)
 */
public record HistoryEntry(
        long id,
        String revision,
        Instant deployedAt,
        Instant deployStartedAt,
        String repoUrl,
        String path,
        String targetRevision,
        String initiatedBy,
        boolean automated) {}
