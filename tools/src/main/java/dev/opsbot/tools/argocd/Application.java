package dev.opsbot.tools.argocd;

import dev.opsbot.core.triage.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an Argo CD Application that triage reads.
 *
 * @param namespace the namespace the Application object lives in (usually {@code argocd}), or empty
 * @param destinationNamespace where it deploys to ({@code spec.destination.namespace})
 * @param syncRevision the revision the live state was compared with ({@code status.sync.revision})
 * @param resources the resources that are not Healthy, at most {@link ApplicationReader#MAX_RESOURCES}
 * @param history the newest sync history entries, oldest first, at most {@link ApplicationReader#MAX_HISTORY}
 * @param operation the last (or running) operation, when Argo CD reports one
 */
public record Application(
        String name,
        String namespace,
        String project,
        String destinationNamespace,
        Map<String, String> labels,
        String syncStatus,
        String syncRevision,
        String healthStatus,
        String healthMessage,
        List<ResourceHealth> resources,
        List<HistoryEntry> history,
        Optional<OperationState> operation) {
    public Application {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        resources = List.copyOf(resources);
        history = List.copyOf(history);
        Objects.requireNonNull(operation, "operation");
    }

    public ObjectRef ref() {
        return ObjectRef.of("Application", namespace, name);
    }

    public String label(String key) {
        return labels.getOrDefault(key, "");
    }
}
