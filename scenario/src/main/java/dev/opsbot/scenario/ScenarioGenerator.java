package dev.opsbot.scenario;

import dev.opsbot.scenario.internal.NoiseEvents;
import dev.opsbot.scenario.internal.NoiseWorkloads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Big scenarios for benchmarks: an incident scenario (the bundled demo unless another is given) grown with
 * unrelated, healthy workloads and everyday events in the same namespace, so that triage can be measured on a
 * namespace the size of a real one. The incident, its expectation, logs, metrics and changes are the base's.
 * Deterministic: the same arguments give the same objects.
 */
public final class ScenarioGenerator {
    /** How many Deployments the extra pods are spread over, as in a busy namespace. */
    public static final int DEPLOYMENTS = 50;

    private static final long SEED = 20260310L;

    private ScenarioGenerator() {}

    /** The bundled demo (shop/checkout OOMKilled after a rollout) plus {@code pods} pods and {@code events} events. */
    public static Scenario bigNamespace(int pods, int events) {
        return bigNamespace(Scenarios.bundled(), pods, events);
    }

    /**
     * {@code base} plus {@code pods} running, ready pods across {@link #DEPLOYMENTS} Deployments (each with its
     * ReplicaSet, Service and Endpoints) and {@code events} core/v1 Events about them (about one in ten Warning), all
     * in the base's namespace and within the hour before its {@code now}. The events are about the extra pods: with
     * none, {@code base} is returned as it is.
     */
    public static Scenario bigNamespace(Scenario base, int pods, int events) {
        if (pods < 0 || events < 0) {
            throw new IllegalArgumentException("pods and events must not be negative: " + pods + ", " + events);
        }
        if (pods == 0) {
            return base;
        }
        Set<String> taken = base.kubernetesObjects().stream()
                .map(object -> object.getMetadata().getName())
                .collect(Collectors.toSet());
        NoiseWorkloads workloads = new NoiseWorkloads(base.namespace(), base.now(), SEED).add(pods, DEPLOYMENTS, taken);
        List<HasMetadata> more = new ArrayList<>(workloads.objects());
        more.addAll(NoiseEvents.about(workloads.pods(), events, base.now(), SEED + 1));
        return base.withMoreKubernetesObjects(more);
    }
}
