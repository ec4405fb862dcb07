package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;

/**
 * What the evidence source read about one workload, already narrowed to it: its pods, its ReplicaSets, the events
 * about its objects, the HPAs that scale it, the ConfigMaps/Secrets its template references. Lists are empty (never
 * null) when a read failed; the failure is a gap.
 *
 * @param service the Service in front of the workload, or null
 * @param endpoints that Service's endpoints, or null when there is no Service or they could not be read
 * @param missingConfig referenced ConfigMaps/Secrets that do not exist, as {@code Secret db-creds}
 */
public record Snapshot(
        String namespace,
        Workload workload,
        Service service,
        List<Pod> pods,
        List<ReplicaSet> replicaSets,
        List<KubeEvent> events,
        List<HorizontalPodAutoscaler> hpas,
        List<NetworkPolicy> policies,
        List<ConfigObject> configObjects,
        List<String> missingConfig,
        ServiceEndpoints endpoints,
        List<Node> nodes) {
    public Snapshot {
        pods = List.copyOf(pods);
        replicaSets = List.copyOf(replicaSets);
        events = List.copyOf(events);
        hpas = List.copyOf(hpas);
        policies = List.copyOf(policies);
        configObjects = List.copyOf(configObjects);
        missingConfig = List.copyOf(missingConfig);
        nodes = List.copyOf(nodes);
    }

    public Snapshot withNodes(List<Node> read) {
        return new Snapshot(
                namespace,
                workload,
                service,
                pods,
                replicaSets,
                events,
                hpas,
                policies,
                configObjects,
                missingConfig,
                endpoints,
                read);
    }

    public Pod pod(String name) {
        return pods.stream()
                .filter(p -> p.getMetadata().getName().equals(name))
                .findFirst()
                .orElse(null);
    }
}
