package dev.opsbot.tools.argocd;

import java.time.Instant;
import java.util.Set;

/**
 * The last (or running) operation of an application ({@code status.operationState}).
 *
 * @param phase {@code Running}, {@code Succeeded}, {@code Failed}, {@code Error} or {@code Terminating}
 * @param revision the revision it synced to, or empty
 * @param finishedAt null while it runs
 */
public record OperationState(
        String phase,
        String message,
        Instant startedAt,
        Instant finishedAt,
        String revision,
        String initiatedBy,
        boolean automated) {
    private static final Set<String> FAILED = Set.of("Failed", "Error");

    public boolean failed() {
        return FAILED.contains(phase);
    }
}
