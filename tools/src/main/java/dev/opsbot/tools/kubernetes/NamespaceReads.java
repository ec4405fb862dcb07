package dev.opsbot.tools.kubernetes;

import dev.opsbot.tools.kubernetes.internal.Events;
import dev.opsbot.tools.kubernetes.internal.KubeEvent;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The namespace-wide lists, all started at once, before anyone knows which workload is meant. Pods and ReplicaSets
 * are listed for the whole namespace too (and filtered by the workload's selector afterwards), and the asked
 * service's endpoints are fetched by name: waiting for the workload before asking for them would add a round trip
 * to every investigation, which on a slow API server is the difference between one second and two.
 */
final class NamespaceReads {
    private final Reads reads;
    private final Future<List<Deployment>> deployments;
    private final Future<List<StatefulSet>> statefulSets;
    private final Future<List<DaemonSet>> daemonSets;
    private final Future<List<Service>> services;
    private final Future<List<Event>> coreEvents;
    private final Future<List<io.fabric8.kubernetes.api.model.events.v1.Event>> modernEvents;
    private final Future<List<HorizontalPodAutoscaler>> hpas;
    private final Future<List<NetworkPolicy>> policies;
    private final Future<List<Pod>> pods;
    private final Future<List<ReplicaSet>> replicaSets;
    private final String askedService;
    private final Future<Endpoints> askedEndpoints;
    private final Future<List<EndpointSlice>> askedSlices;

    NamespaceReads(Reads reads, String ns, String askedService) {
        this.reads = reads;
        this.askedService = askedService;
        pods = reads.start(
                ApiCall.list("pods", ns), c -> c.pods().inNamespace(ns).list().getItems());
        replicaSets = reads.start(
                ApiCall.list("replicasets", ns),
                c -> c.apps().replicaSets().inNamespace(ns).list().getItems());
        askedEndpoints = WorkloadReads.startEndpoints(reads, ns, askedService);
        askedSlices = WorkloadReads.startSlices(reads, ns, askedService);
        deployments = reads.start(
                ApiCall.list("deployments", ns),
                c -> c.apps().deployments().inNamespace(ns).list().getItems());
        statefulSets = reads.start(
                ApiCall.list("statefulsets", ns),
                c -> c.apps().statefulSets().inNamespace(ns).list().getItems());
        daemonSets = reads.start(
                ApiCall.list("daemonsets", ns),
                c -> c.apps().daemonSets().inNamespace(ns).list().getItems());
        services = reads.start(
                ApiCall.list("services", ns),
                c -> c.services().inNamespace(ns).list().getItems());
        coreEvents = reads.start(
                ApiCall.list("events", ns),
                c -> c.v1().events().inNamespace(ns).list().getItems());
        modernEvents = reads.start(
                ApiCall.list("events.events.k8s.io", ns),
                c -> c.events().v1().events().inNamespace(ns).list().getItems());
        hpas = reads.start(ApiCall.list("horizontalpodautoscalers.autoscaling", ns), c -> c.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(ns)
                .list()
                .getItems());
        policies = reads.start(
                ApiCall.list("networkpolicies.networking.k8s.io", ns),
                c -> c.network().v1().networkPolicies().inNamespace(ns).list().getItems());
    }

    /** Every pod of the namespace; the workload's are picked by its selector. */
    List<Pod> pods() {
        return reads.essential(pods);
    }

    List<ReplicaSet> replicaSets() {
        return reads.optional("replicasets", replicaSets, List.of());
    }

    /** The endpoints read already started for {@code service}, if it is the one asked about. */
    Optional<Future<Endpoints>> endpointsStartedFor(String service) {
        return service.equals(askedService) ? Optional.of(askedEndpoints) : Optional.empty();
    }

    Optional<Future<List<EndpointSlice>>> slicesStartedFor(String service) {
        return service.equals(askedService) ? Optional.of(askedSlices) : Optional.empty();
    }

    List<Deployment> deployments() {
        return reads.essential(deployments);
    }

    List<StatefulSet> statefulSets() {
        return reads.optional("statefulsets", statefulSets, List.of());
    }

    List<DaemonSet> daemonSets() {
        return reads.optional("daemonsets", daemonSets, List.of());
    }

    List<Service> services() {
        return reads.optional("services", services, List.of());
    }

    List<HorizontalPodAutoscaler> hpas() {
        return reads.optional("horizontalpodautoscalers", hpas, List.of());
    }

    List<NetworkPolicy> policies() {
        return reads.optional("networkpolicies", policies, List.of());
    }

    /** Both event APIs merged, keeping only what {@code relevant} accepts, newest first. */
    List<KubeEvent> events(Predicate<KubeEvent> relevant) {
        return Events.merge(
                reads.optional("events", coreEvents, List.of()),
                reads.ifServed("events (events.k8s.io)", modernEvents, List.of()),
                relevant);
    }
}
