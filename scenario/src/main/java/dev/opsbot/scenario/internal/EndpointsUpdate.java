package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a Service's Endpoints pointing at the Deployment's pods, as the endpoints controller would: an Endpoints
 * object that listed any of the Deployment's pods lists its pods now, the ready ones as addresses and the others as
 * not ready, with the ports it had.
 */
final class EndpointsUpdate {
    private EndpointsUpdate() {}

    static List<Endpoints> after(List<Endpoints> all, List<String> podPrefixes, List<Pod> pods) {
        List<Endpoints> changed = new ArrayList<>();
        for (Endpoints endpoints : all) {
            if (endpoints.getSubsets() == null || !listsAny(endpoints, podPrefixes)) {
                continue;
            }
            List<EndpointAddress> ready = new ArrayList<>();
            List<EndpointAddress> notReady = new ArrayList<>();
            for (Pod pod : pods) {
                (SimulatedPods.ready(pod) ? ready : notReady).add(address(pod));
            }
            EndpointSubset first = endpoints.getSubsets().isEmpty()
                    ? new EndpointSubset()
                    : endpoints.getSubsets().getFirst();
            EndpointSubset subset = new EndpointSubset(
                    ready.isEmpty() ? null : ready, notReady.isEmpty() ? null : notReady, first.getPorts());
            endpoints.setSubsets(List.of(subset));
            changed.add(endpoints);
        }
        return changed;
    }

    private static boolean listsAny(Endpoints endpoints, List<String> podPrefixes) {
        return endpoints.getSubsets().stream()
                .flatMap(s -> Stream.concat(
                        s.getAddresses() == null ? Stream.empty() : s.getAddresses().stream(),
                        s.getNotReadyAddresses() == null ? Stream.empty() : s.getNotReadyAddresses().stream()))
                .filter(a -> a.getTargetRef() != null && a.getTargetRef().getName() != null)
                .anyMatch(a -> podPrefixes.stream().anyMatch(a.getTargetRef().getName()::startsWith));
    }

    private static EndpointAddress address(Pod pod) {
        return new EndpointAddressBuilder()
                .withIp(pod.getStatus().getPodIP())
                .withNodeName(pod.getSpec().getNodeName())
                .withNewTargetRef()
                .withKind("Pod")
                .withName(pod.getMetadata().getName())
                .withNamespace(pod.getMetadata().getNamespace())
                .withUid(pod.getMetadata().getUid())
                .endTargetRef()
                .build();
    }
}
