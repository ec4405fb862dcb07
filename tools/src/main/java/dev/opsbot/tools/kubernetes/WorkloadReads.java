package dev.opsbot.tools.kubernetes;

import dev.opsbot.tools.guard.MetadataOnly;
import dev.opsbot.tools.kubernetes.internal.ConfigObject;
import dev.opsbot.tools.kubernetes.internal.EventScope;
import dev.opsbot.tools.kubernetes.internal.Hpas;
import dev.opsbot.tools.kubernetes.internal.PodStatuses;
import dev.opsbot.tools.kubernetes.internal.References;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import dev.opsbot.tools.kubernetes.internal.Selectors;
import dev.opsbot.tools.kubernetes.internal.ServiceEndpoints;
import dev.opsbot.tools.kubernetes.internal.Snapshot;
import dev.opsbot.tools.kubernetes.internal.Times;
import dev.opsbot.tools.kubernetes.internal.Workload;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * The reads that need the workload: its pods and ReplicaSets (picked from the namespace's by its selector), its
 * Service's endpoints (already asked for when the Service is named like the question), the ConfigMaps and Secrets
 * its template references (Secrets as metadata only), and the nodes its pods run on.
 */
final class WorkloadReads {
    static final int MAX_CONFIG_OBJECTS = 20;
    static final int MAX_NODES = 20;

    private final Reads reads;
    private final String ns;

    WorkloadReads(Reads reads, String namespace) {
        this.reads = reads;
        this.ns = namespace;
    }

    /** Everything about the workload except its nodes, which need its pods first. */
    Snapshot read(Workload workload, Service service, NamespaceReads namespace) {
        String serviceName = service == null ? null : service.getMetadata().getName();
        Future<Endpoints> endpoints = service == null
                ? null
                : namespace.endpointsStartedFor(serviceName).orElseGet(() -> startEndpoints(reads, ns, serviceName));
        Future<List<EndpointSlice>> slices = service == null
                ? null
                : namespace.slicesStartedFor(serviceName).orElseGet(() -> startSlices(reads, ns, serviceName));
        Map<String, Future<Optional<ConfigObject>>> config =
                startConfig(References.of(workload.template().getSpec()));

        List<Pod> podList = namespace.pods().stream()
                .filter(p ->
                        Selectors.matches(workload.selector(), p.getMetadata().getLabels()))
                .toList();
        List<ReplicaSet> owned = workload.deployment()
                .map(d -> RolloutHistory.owned(d, namespace.replicaSets()))
                .orElse(List.of());
        List<HorizontalPodAutoscaler> scaling = namespace.hpas().stream()
                .filter(h -> Hpas.targets(h, workload.kind(), workload.name()))
                .toList();
        var events = namespace.events(EventScope.of(workload, podList, owned, scaling, service));
        ServiceEndpoints serviceEndpoints = service == null
                ? null
                : ServiceEndpoints.of(
                        reads.optional("endpoints", endpoints, null),
                        reads.ifServed("endpointslices", slices, List.of()));
        List<ConfigObject> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        config.forEach((key, read) -> {
            Optional<ConfigObject> object =
                    reads.optional(key.startsWith("Secret") ? "secrets" : "configmaps", read, null);
            if (object != null) { // null: could not be read, a gap says why; empty: it does not exist
                object.ifPresentOrElse(found::add, () -> missing.add(key));
            }
        });
        return new Snapshot(
                ns,
                workload,
                service,
                podList,
                owned,
                events,
                scaling,
                namespace.policies(),
                found,
                missing,
                serviceEndpoints,
                List.of());
    }

    /** One GET per node the pods run on: listing every node of a large cluster would be slow. */
    List<Future<Node>> startNodes(List<Pod> pods) {
        return pods.stream()
                .map(PodStatuses::node)
                .filter(n -> !n.isEmpty())
                .distinct()
                .sorted()
                .limit(MAX_NODES)
                .map(name -> reads.start(
                        ApiCall.get("nodes", "", name),
                        c -> c.nodes().withName(name).get()))
                .toList();
    }

    /** The nodes read, or null when there were some to read and none could be (a gap says why). */
    List<Node> nodes(List<Future<Node>> started) {
        List<Node> nodes = new ArrayList<>();
        for (Future<Node> read : started) {
            Node node = reads.optional("nodes", read, null);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes.isEmpty() && !started.isEmpty() ? null : nodes;
    }

    static Future<Endpoints> startEndpoints(Reads reads, String ns, String service) {
        return reads.start(
                ApiCall.get("endpoints", ns, service),
                c -> c.endpoints().inNamespace(ns).withName(service).get());
    }

    static Future<List<EndpointSlice>> startSlices(Reads reads, String ns, String service) {
        return reads.start(ApiCall.list("endpointslices.discovery.k8s.io", ns), c -> c.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(ns)
                .withLabel("kubernetes.io/service-name", service)
                .list()
                .getItems());
    }

    private Map<String, Future<Optional<ConfigObject>>> startConfig(References references) {
        Map<String, Future<Optional<ConfigObject>>> started = new LinkedHashMap<>();
        references.configMaps().stream()
                .limit(MAX_CONFIG_OBJECTS)
                .forEach(name -> started.put(
                        "ConfigMap " + name,
                        reads.start(ApiCall.get("configmaps", ns, name), c -> Optional.ofNullable(c.configMaps()
                                        .inNamespace(ns)
                                        .withName(name)
                                        .get())
                                .map(ConfigObject::of))));
        // a Secret is read as metadata only: the API server sends no values, and the guardrails refuse any read that
        // could return them
        references.secrets().stream()
                .limit(MAX_CONFIG_OBJECTS)
                .forEach(name -> started.put(
                        "Secret " + name, reads.start(ApiCall.get("secrets", ns, name), c -> MetadataOnly.get(
                                        c, "api/v1/namespaces/" + ns + "/secrets/" + name)
                                .map(WorkloadReads::secret))));
        return started;
    }

    /** A Secret from its metadata: its name, the keys it holds and when it changed. */
    static ConfigObject secret(MetadataOnly.Found found) {
        ObjectMeta meta = found.metadata();
        return new ConfigObject(
                "Secret",
                meta.getName(),
                found.dataKeys(),
                Times.created(meta),
                Times.changed(meta),
                Times.lastManager(meta));
    }
}
