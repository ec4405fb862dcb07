package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Healthy, unrelated workloads for a big namespace: Deployments with one ReplicaSet each, a Service and Endpoints,
 * and running, ready pods spread over them. Deterministic for a given seed.
 */
public final class NoiseWorkloads {
    private static final List<String> WORDS = List.of(
            "cart",
            "catalog",
            "search",
            "reviews",
            "inventory",
            "pricing",
            "shipping",
            "billing",
            "email",
            "recommend",
            "auth",
            "profile",
            "ads",
            "currency",
            "orders",
            "wishlist",
            "loyalty",
            "tax",
            "fraud",
            "media",
            "notify",
            "gateway",
            "session",
            "audit",
            "report");
    private static final List<String> ROLES = List.of("api", "worker");
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final String namespace;
    private final Instant now;
    private final Random random;
    private final List<HasMetadata> objects = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();

    public NoiseWorkloads(String namespace, Instant now, long seed) {
        this.namespace = namespace;
        this.now = now;
        this.random = new Random(seed);
    }

    /**
     * Adds {@code podCount} pods over {@code deploymentCount} deployments (at most 50), named so that none is in
     * {@code takenNames}.
     */
    public NoiseWorkloads add(int podCount, int deploymentCount, Set<String> takenNames) {
        List<String> names = new ArrayList<>();
        for (String role : ROLES) {
            for (String word : WORDS) {
                String name = word + "-" + role;
                if (!takenNames.contains(name) && names.size() < deploymentCount) {
                    names.add(name);
                }
            }
        }
        int deployments = Math.max(1, Math.min(names.size(), podCount));
        for (int d = 0; d < deployments; d++) {
            int replicas = podCount / deployments + (d < podCount % deployments ? 1 : 0);
            addWorkload(names.get(d), replicas);
        }
        return this;
    }

    public List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    public List<Pod> pods() {
        return List.copyOf(pods);
    }

    private void addWorkload(String name, int replicas) {
        Workload workload = new Workload(
                namespace,
                name,
                randomName(10),
                String.valueOf(1 + random.nextInt(30)),
                "ghcr.io/acme/" + name + ":1." + random.nextInt(40) + "." + random.nextInt(10),
                now.minusSeconds(86_400L * (10 + random.nextInt(200))),
                now.minusSeconds(86_400L * (1 + random.nextInt(9))),
                uid(),
                uid(),
                replicas);
        List<Pod> workloadPods = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            workloadPods.add(WorkloadObjects.pod(
                    workload,
                    workload.replicaSetName() + "-" + randomName(5),
                    uid(),
                    "ip-10-0-" + random.nextInt(8) + "-" + (10 + random.nextInt(200)) + ".ec2.internal",
                    "10.1." + random.nextInt(250) + "." + (1 + random.nextInt(250)),
                    workload.rolledOut().plusSeconds(5 + random.nextInt(60)),
                    random.nextInt(10) == 0 ? 1 : 0));
        }
        objects.add(WorkloadObjects.deployment(workload));
        objects.add(WorkloadObjects.replicaSet(workload));
        objects.add(WorkloadObjects.service(workload));
        objects.add(WorkloadObjects.endpoints(workload, workloadPods));
        objects.addAll(workloadPods);
        pods.addAll(workloadPods);
    }

    private String uid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String randomName(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return out.toString();
    }
}
