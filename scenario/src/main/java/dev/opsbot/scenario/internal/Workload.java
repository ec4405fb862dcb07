package dev.opsbot.scenario.internal;

import java.time.Instant;
import java.util.Map;

/** One healthy generated Deployment: what its objects have in common. */
record Workload(
        String namespace,
        String name,
        String hash,
        String revision,
        String image,
        Instant created,
        Instant rolledOut,
        String deploymentUid,
        String replicaSetUid,
        int replicas) {

    Map<String, String> labels() {
        return Map.of("app", name);
    }

    Map<String, String> podLabels() {
        return Map.of("app", name, "pod-template-hash", hash);
    }

    String replicaSetName() {
        return name + "-" + hash;
    }
}
