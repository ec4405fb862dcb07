package dev.opsbot.tools.argocd;

import static dev.opsbot.tools.http.Json.instant;
import static dev.opsbot.tools.http.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads Application objects as Argo CD's API (and {@code kubectl get application -o json}) prints them. */
final class ApplicationReader {
    static final int MAX_HISTORY = 20;
    static final int MAX_RESOURCES = 20;
    private static final Set<String> FINE = Set.of("", "Healthy");

    private ApplicationReader() {}

    /** The items of a list answer ({@code {"items": [...]}}; {@code items} is null when there are none). */
    static List<Application> list(JsonNode answer, int limit) {
        List<Application> applications = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            if (applications.size() == limit) {
                break;
            }
            if (item.isObject()) {
                applications.add(application(item));
            }
        }
        return applications;
    }

    static Application application(JsonNode node) {
        JsonNode metadata = node.path("metadata");
        JsonNode status = node.path("status");
        return new Application(
                text(metadata, "name"),
                text(metadata, "namespace"),
                text(node.path("spec"), "project"),
                text(node.path("spec").path("destination"), "namespace"),
                labels(metadata.path("labels")),
                text(status.path("sync"), "status"),
                firstRevision(status.path("sync")),
                text(status.path("health"), "status"),
                text(status.path("health"), "message"),
                unhealthy(status.path("resources")),
                history(status.path("history")),
                operation(status.path("operationState")));
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> values = new LinkedHashMap<>();
        labels.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static List<ResourceHealth> unhealthy(JsonNode resources) {
        List<ResourceHealth> result = new ArrayList<>();
        for (JsonNode resource : resources) {
            String health = text(resource.path("health"), "status");
            if (!FINE.contains(health) && result.size() < MAX_RESOURCES) {
                result.add(new ResourceHealth(
                        text(resource, "kind"),
                        text(resource, "namespace"),
                        text(resource, "name"),
                        health,
                        text(resource.path("health"), "message")));
            }
        }
        return result;
    }

    private static List<HistoryEntry> history(JsonNode history) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : history) {
            JsonNode source = entry.has("source")
                    ? entry.path("source")
                    : entry.path("sources").path(0);
            entries.add(new HistoryEntry(
                    entry.path("id").asLong(),
                    firstRevision(entry),
                    instant(entry, "deployedAt"),
                    instant(entry, "deployStartedAt"),
                    text(source, "repoURL"),
                    text(source, "path").isEmpty() ? text(source, "chart") : text(source, "path"),
                    text(source, "targetRevision"),
                    text(entry.path("initiatedBy"), "username"),
                    entry.path("initiatedBy").path("automated").asBoolean(false)));
        }
        entries.sort(Comparator.comparingLong(HistoryEntry::id));
        return entries.size() > MAX_HISTORY ? entries.subList(entries.size() - MAX_HISTORY, entries.size()) : entries;
    }

    private static Optional<OperationState> operation(JsonNode state) {
        if (!state.isObject() || text(state, "phase").isEmpty()) {
            return Optional.empty();
        }
        JsonNode operation = state.path("operation");
        String revision = firstRevision(state.path("syncResult"));
        if (revision.isEmpty()) {
            revision = firstRevision(operation.path("sync"));
        }
        return Optional.of(new OperationState(
                text(state, "phase"),
                text(state, "message"),
                instant(state, "startedAt"),
                instant(state, "finishedAt"),
                revision,
                text(operation.path("initiatedBy"), "username"),
                operation.path("initiatedBy").path("automated").asBoolean(false)));
    }

    /** {@code revision}, or the first of {@code revisions} (multi-source applications). */
    private static String firstRevision(JsonNode node) {
        String revision = text(node, "revision");
        return revision.isEmpty() ? element(node.path("revisions"), 0) : revision;
    }

    private static String element(JsonNode array, int index) {
        JsonNode value = array.path(index);
        return value.isTextual() ? value.asText() : "";
    }
}
