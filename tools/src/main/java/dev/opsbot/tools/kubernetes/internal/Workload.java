package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Deployment or StatefulSet that serves a service: the one named like it, else the one whose pods the Service of
 * that name selects.
 *
 * @param object the Deployment or StatefulSet itself
 * @param revision the Deployment's current revision, null for StatefulSets (their revisions are hashes)
 */
public record Workload(
        String kind,
        String name,
        LabelSelector selector,
        PodTemplateSpec template,
        Integer revision,
        HasMetadata object) {

    public ObjectRef ref() {
        return ObjectRef.of(kind, object.getMetadata().getNamespace(), name);
    }

    public Map<String, String> podLabels() {
        var labels =
                template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    public Optional<Deployment> deployment() {
        return object instanceof Deployment deployment ? Optional.of(deployment) : Optional.empty();
    }

    public static Optional<Workload> resolve(
            String service, List<Deployment> deployments, List<StatefulSet> statefulSets, List<Service> services) {
        Optional<Workload> byName = deployments.stream()
                .filter(d -> d.getMetadata().getName().equals(service))
                .findFirst()
                .map(Workload::of)
                .or(() -> statefulSets.stream()
                        .filter(s -> s.getMetadata().getName().equals(service))
                        .findFirst()
                        .map(Workload::of));
        if (byName.isPresent()) {
            return byName;
        }
        Map<String, String> selector = services.stream()
                .filter(s -> s.getMetadata().getName().equals(service))
                .findFirst()
                .map(s -> s.getSpec().getSelector())
                .orElse(Map.of());
        if (selector == null || selector.isEmpty()) {
            return Optional.empty();
        }
        return deployments.stream()
                .sorted(Comparator.comparing(d -> d.getMetadata().getName()))
                .map(Workload::of)
                .filter(w -> Selectors.matchesAll(selector, w.podLabels()))
                .findFirst()
                .or(() -> statefulSets.stream()
                        .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                        .map(Workload::of)
                        .filter(w -> Selectors.matchesAll(selector, w.podLabels()))
                        .findFirst());
    }

    /** The Service named like the investigated one, else one whose selector picks the workload's pods. */
    public Optional<Service> service(String service, List<Service> services) {
        return services.stream()
                .filter(s -> s.getMetadata().getName().equals(service))
                .findFirst()
                .or(() -> services.stream()
                        .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                        .filter(s -> s.getSpec() != null
                                && Selectors.matchesAll(s.getSpec().getSelector(), podLabels()))
                        .findFirst());
    }

    static Workload of(Deployment deployment) {
        return new Workload(
                "Deployment",
                deployment.getMetadata().getName(),
                deployment.getSpec().getSelector(),
                deployment.getSpec().getTemplate(),
                RolloutHistory.revision(deployment),
                deployment);
    }

    static Workload of(StatefulSet statefulSet) {
        return new Workload(
                "StatefulSet",
                statefulSet.getMetadata().getName(),
                statefulSet.getSpec().getSelector(),
                statefulSet.getSpec().getTemplate(),
                null,
                statefulSet);
    }
}
