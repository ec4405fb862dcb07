package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.result.Remediation;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixes triage knows how to propose. Each names an action the approval flow can execute. */
final class Remediations {
    private Remediations() {}

    static Remediation rollback(ObjectRef workload, Integer toRevision) {
        return toRevision == null
                ? null
                : new Remediation("kubernetes.rollback", workload.path(), Map.of("toRevision", toRevision));
    }

    static Remediation scale(ObjectRef workload, int replicas) {
        return new Remediation("kubernetes.scale", workload.path(), Map.of("replicas", replicas));
    }

    static Remediation raiseHpaMax(ObjectRef hpa, int maxReplicas) {
        return new Remediation("kubernetes.patch_hpa", hpa.path(), Map.of("maxReplicas", maxReplicas));
    }

    static Remediation setMemoryLimit(ObjectRef workload, String container, String limit) {
        return new Remediation(
                "kubernetes.set_resources", workload.path(), ordered("container", container, "memoryLimit", limit));
    }

    static Remediation setCpuLimit(ObjectRef workload, String container, String limit) {
        return new Remediation(
                "kubernetes.set_resources", workload.path(), ordered("container", container, "cpuLimit", limit));
    }

    /** Map.of iterates in an order that changes from one JVM to the next; proposals and the JSON must not. */
    private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(key1, value1);
        params.put(key2, value2);
        return params;
    }

    static Remediation cordon(ObjectRef node) {
        return new Remediation("kubernetes.cordon", node.path(), Map.of());
    }

    static Remediation deleteNetworkPolicy(ObjectRef policy) {
        return new Remediation("kubernetes.delete_network_policy", policy.path(), Map.of());
    }

    /** Doubling is the safe default: volumes only grow, and the approver sees the factor before anything runs. */
    static Remediation expandPvc(ObjectRef pvc) {
        return new Remediation("kubernetes.expand_pvc", pvc.path(), Map.of("factor", 2));
    }
}
