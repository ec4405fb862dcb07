package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code kubectl rollout undo} reads from a Deployment's ReplicaSets: the ReplicaSet of a revision, its pod
 * template without the {@code pod-template-hash} label (which the controller adds to tell ReplicaSets apart), and the
 * Deployment annotations a rollback leaves.
 */
final class Revisions {
    static final String HASH_LABEL = "pod-template-hash";
    static final String HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
    /** Annotations the controller owns; a rollback neither copies them from the ReplicaSet nor drops them. */
    private static final Set<String> CONTROLLER_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            RolloutHistory.REVISION_ANNOTATION,
            HISTORY_ANNOTATION,
            "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas",
            "deprecated.deployment.rollback.to");

    private Revisions() {}

    /**
     * The ReplicaSet of {@code revision}, or the one that was it: a rollback renumbers the ReplicaSet it returns to
     * and lists the old number in {@code revision-history}. kubectl no longer finds the old number; opsbot does, so a
     * second approval of "roll back to 41" says it already runs, rather than that 41 never existed.
     */
    static Optional<ReplicaSet> at(List<ReplicaSet> owned, int revision) {
        return owned.stream()
                .filter(rs -> Integer.valueOf(revision).equals(RolloutHistory.revision(rs)))
                .findFirst()
                .or(() -> owned.stream()
                        .filter(rs -> history(rs).contains(String.valueOf(revision)))
                        .findFirst());
    }

    private static List<String> history(ReplicaSet rs) {
        var annotations = rs.getMetadata().getAnnotations();
        String history = annotations == null ? null : annotations.get(HISTORY_ANNOTATION);
        return history == null
                ? List.of()
                : Arrays.stream(history.split(",")).map(String::strip).toList();
    }

    static List<Integer> kept(List<ReplicaSet> owned) {
        return owned.stream()
                .map(RolloutHistory::revision)
                .filter(r -> r != null)
                .sorted()
                .toList();
    }

    /** The template as JSON, without the hash label (and without a {@code labels} left empty by removing it). */
    static ObjectNode templateWithoutHash(PodTemplateSpec template) {
        ObjectNode json = Json.mapper().valueToTree(template);
        JsonNode labels = json.path("metadata").path("labels");
        if (labels instanceof ObjectNode object) {
            object.remove(HASH_LABEL);
            if (object.isEmpty()) {
                ((ObjectNode) json.get("metadata")).remove("labels");
            }
        }
        return json;
    }

    /** Whether two templates are the same but for the hash label, as kubectl's {@code EqualIgnoreHash}. */
    static boolean sameIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return templateWithoutHash(a).equals(templateWithoutHash(b));
    }

    /**
     * The Deployment's annotations after rolling back to {@code to}: the controller's own kept from the Deployment,
     * the rest taken from the ReplicaSet (which the controller copied from the Deployment at that revision).
     */
    static Map<String, String> annotationsAfterRollback(Deployment deployment, ReplicaSet to) {
        Map<String, String> annotations = new LinkedHashMap<>();
        Map<String, String> current = deployment.getMetadata().getAnnotations();
        if (current != null) {
            current.forEach((key, value) -> {
                if (CONTROLLER_ANNOTATIONS.contains(key)) {
                    annotations.put(key, value);
                }
            });
        }
        Map<String, String> fromReplicaSet = to.getMetadata().getAnnotations();
        if (fromReplicaSet != null) {
            fromReplicaSet.forEach((key, value) -> {
                if (!CONTROLLER_ANNOTATIONS.contains(key)) {
                    annotations.put(key, value);
                }
            });
        }
        return annotations;
    }
}
