package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.compliance.PodFinding.Level;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of a namespace's pods, per workload, and the counts the summary gives. */
final class PodSecurityReport {
    private final Map<String, WorkloadFindings> workloads = new LinkedHashMap<>();
    private final List<List<PodFinding>> perPod = new ArrayList<>();

    private PodSecurityReport() {}

    static PodSecurityReport of(List<Pod> pods) {
        PodSecurityReport report = new PodSecurityReport();
        for (Pod pod : pods) {
            List<PodFinding> findings = PodSecurityChecks.check(pod);
            report.workloads
                    .computeIfAbsent(WorkloadFindings.ownerOf(pod), WorkloadFindings::new)
                    .add(pod.getMetadata().getName(), findings);
            report.perPod.add(findings);
        }
        return report;
    }

    /** Workloads with findings, worst first. */
    List<WorkloadFindings> withFindings() {
        return workloads.values().stream()
                .filter(w -> !w.clean())
                .sorted(WorkloadFindings.WORST_FIRST)
                .toList();
    }

    List<WorkloadFindings> clean() {
        return workloads.values().stream().filter(WorkloadFindings::clean).toList();
    }

    /** Pods that fail the standard at {@code level} (failing baseline fails restricted too). */
    int podsFailing(Level level) {
        return (int) perPod.stream()
                .filter(findings -> findings.stream().anyMatch(f -> f.fails(level)))
                .count();
    }

    /** Distinct findings at {@code level}, a finding shared by an owner's replicas counted once. */
    long findings(Level level) {
        return workloads.values().stream().mapToLong(w -> w.count(level)).sum();
    }

    /** The pod and finding counts into {@code data}; with an enforced level, how many pods it would now reject. */
    void counts(ObjectNode data, Level enforced) {
        int pods = perPod.size();
        data.put("pods", pods)
                .put("workloadsRead", workloads.size())
                .put("podsFailingBaseline", podsFailing(Level.BASELINE))
                .put("podsFailingRestricted", podsFailing(Level.RESTRICTED))
                .put("podsMeetingRestricted", pods - podsFailing(Level.RESTRICTED));
        if (enforced != null) {
            data.put("podsFailingEnforcedLevel", podsFailing(enforced));
        }
        ObjectNode counts = data.putObject("findingsByLevel");
        for (Level level : Level.values()) {
            counts.put(level.label(), findings(level));
        }
    }

    String summary(String namespace, ObjectNode admission, Level enforced) {
        int pods = perPod.size();
        long bestPractice = findings(Level.BEST_PRACTICE);
        StringBuilder summary = new StringBuilder("pod security in ")
                .append(namespace)
                .append(": ")
                .append(pods)
                .append(pods == 1 ? " pod" : " pods")
                .append(" in ")
                .append(workloads.size())
                .append(workloads.size() == 1 ? " workload; " : " workloads; ")
                .append(podsFailing(Level.BASELINE))
                .append(" fail baseline, ")
                .append(podsFailing(Level.RESTRICTED))
                .append(" fail restricted, ")
                .append(pods - podsFailing(Level.RESTRICTED))
                .append(" meet restricted; ")
                .append(bestPractice)
                .append(bestPractice == 1 ? " best-practice finding; " : " best-practice findings; ");
        if (admission.has("unreadable")) {
            summary.append("namespace labels unreadable (")
                    .append(admission.get("unreadable").asText())
                    .append(')');
        } else if (admission.has("enforce")) {
            summary.append("namespace enforces ")
                    .append(admission.get("enforce").asText());
            int rejected = enforced == null ? 0 : podsFailing(enforced);
            if (rejected > 0) {
                summary.append(" (").append(rejected).append(" running pods would now be rejected)");
            }
        } else {
            summary.append("namespace enforces no pod security level");
        }
        return summary.toString();
    }
}
