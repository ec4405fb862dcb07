package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.compliance.PodFinding.Level;
import dev.opsbot.tools.http.Json;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of the pods of one owner: replicas share a template, so their findings are said once, with how many
 * of the owner's pods have each when that is not all of them (a rollout in progress, a pod patched by hand). Pods of
 * a Deployment are grouped under it across its ReplicaSets.
 */
final class WorkloadFindings {
    static final String TEMPLATE_HASH = "pod-template-hash";
    /** Most baseline findings first, then most restricted ones, then by name. */
    static final Comparator<WorkloadFindings> WORST_FIRST = Comparator.comparingLong(
                    (WorkloadFindings w) -> w.count(Level.BASELINE))
            .reversed()
            .thenComparing(Comparator.comparingLong((WorkloadFindings w) -> w.count(Level.RESTRICTED))
                    .reversed())
            .thenComparing(WorkloadFindings::owner);

    private final String owner;
    private final List<String> pods = new ArrayList<>();
    private final Map<PodFinding, Integer> findings = new TreeMap<>(PodFinding.ORDER);

    WorkloadFindings(String owner) {
        this.owner = owner;
    }

    /** {@code Deployment/checkout}, {@code StatefulSet/db}, {@code Pod/debug}: who made the pod. */
    static String ownerOf(Pod pod) {
        String name = pod.getMetadata().getName();
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return "Pod/" + name;
        }
        OwnerReference owner = owners.stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()))
                .findFirst()
                .orElse(owners.getFirst());
        String hash = pod.getMetadata().getLabels() == null
                ? null
                : pod.getMetadata().getLabels().get(TEMPLATE_HASH);
        if ("ReplicaSet".equals(owner.getKind())
                && hash != null
                && owner.getName().endsWith("-" + hash)) {
            return "Deployment/" + owner.getName().substring(0, owner.getName().length() - hash.length() - 1);
        }
        return owner.getKind() + "/" + owner.getName();
    }

    void add(String pod, List<PodFinding> podFindings) {
        pods.add(pod);
        podFindings.forEach(finding -> findings.merge(finding, 1, Integer::sum));
    }

    String owner() {
        return owner;
    }

    int pods() {
        return pods.size();
    }

    boolean clean() {
        return findings.isEmpty();
    }

    long count(Level level) {
        return findings.keySet().stream().filter(f -> f.level() == level).count();
    }

    ObjectNode json(int maxFindings) {
        ObjectNode node = Json.object().put("owner", owner).put("pods", pods.size());
        ArrayNode list = node.putArray("findings");
        findings.entrySet().stream().limit(maxFindings).forEach(entry -> {
            ObjectNode finding = entry.getKey().json();
            if (entry.getValue() < pods.size()) {
                finding.put("pods", entry.getValue());
            }
            list.add(finding);
        });
        if (findings.size() > maxFindings) {
            node.put("moreFindings", findings.size() - maxFindings);
        }
        return node;
    }
}
