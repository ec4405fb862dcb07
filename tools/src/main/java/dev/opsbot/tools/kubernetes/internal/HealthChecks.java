package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checks a careful engineer would run, each recorded normal or not ("pods: 3 of 3 ready, 0 restarts"), so the
 * answer can say what was looked at and found fine, not only what was wrong.
 */
public final class HealthChecks {
    private HealthChecks() {}

    public static void record(
            Snapshot snapshot,
            Investigation inv,
            List<ChangeEvent> changes,
            boolean nodesRead,
            SourceEvidence.Builder out) {
        pods(snapshot, out);
        rollouts(snapshot, changes, out);
        if (nodesRead && !snapshot.nodes().isEmpty()) {
            nodes(snapshot, out);
        }
        endpoints(snapshot, out);
        hpas(snapshot, out);
        events(snapshot, inv, out);
        config(snapshot, changes, out);
        policies(snapshot, changes, out);
    }

    private static void pods(Snapshot snapshot, SourceEvidence.Builder out) {
        List<Pod> pods = snapshot.pods();
        long ready = pods.stream().filter(PodStatuses::ready).count();
        int restarts = pods.stream().mapToInt(PodStatuses::restarts).sum();
        String detail = ready + " of " + pods.size() + " ready, " + restarts + " restarts";
        if (!pods.isEmpty() && ready == pods.size() && restarts == 0) {
            out.normal("pods", detail);
        } else {
            out.abnormal("pods", pods.isEmpty() ? "no pods match the workload's selector" : detail);
        }
    }

    private static void rollouts(Snapshot snapshot, List<ChangeEvent> changes, SourceEvidence.Builder out) {
        if (snapshot.workload().deployment().isEmpty()) {
            return;
        }
        List<String> rollouts = changes.stream()
                .filter(c -> c.kind() == ChangeKind.ROLLOUT)
                .map(c -> "revision " + c.revision() + " at " + Times.clock(c.at()))
                .toList();
        if (rollouts.isEmpty()) {
            out.normal("rollouts", "none in the window");
        } else {
            out.abnormal("rollouts", String.join(", ", rollouts));
        }
    }

    private static void nodes(Snapshot snapshot, SourceEvidence.Builder out) {
        List<String> bad = new ArrayList<>();
        for (Node node : snapshot.nodes()) {
            NodeConditions.bad(node)
                    .forEach(c -> bad.add(
                            NodeConditions.name(c) + " on " + node.getMetadata().getName()));
        }
        if (bad.isEmpty()) {
            out.normal("node conditions", "normal on " + snapshot.nodes().size() + " nodes");
        } else {
            out.abnormal("node conditions", String.join(", ", bad));
        }
    }

    private static void endpoints(Snapshot snapshot, SourceEvidence.Builder out) {
        if (snapshot.service() == null) {
            out.normal("service endpoints", "no Service selects the workload's pods");
            return;
        }
        ServiceEndpoints endpoints = snapshot.endpoints();
        if (endpoints == null) {
            return;
        }
        String detail = endpoints.ready().size() + " ready"
                + (endpoints.notReady().isEmpty()
                        ? ""
                        : ", " + endpoints.notReady().size() + " not ready");
        if (endpoints.ready().isEmpty() || !endpoints.notReady().isEmpty()) {
            out.abnormal("service endpoints", detail);
        } else {
            out.normal("service endpoints", detail);
        }
    }

    private static void hpas(Snapshot snapshot, SourceEvidence.Builder out) {
        for (var hpa : snapshot.hpas()) {
            String detail = Hpas.current(hpa) + " of " + Hpas.max(hpa) + " replicas";
            boolean atMax = Hpas.current(hpa) >= Hpas.max(hpa);
            boolean failing = Hpas.is(Hpas.condition(hpa, "ScalingActive"), "False");
            if (atMax || failing) {
                out.abnormal(
                        "HPA", detail + (atMax ? " (at maximum)" : "") + (failing ? " (cannot compute metrics)" : ""));
            } else {
                out.normal("HPA", detail);
            }
        }
    }

    private static void events(Snapshot snapshot, Investigation inv, SourceEvidence.Builder out) {
        Map<String, Integer> warnings = new TreeMap<>();
        snapshot.events().stream()
                .filter(e -> e.warning() && Times.within(e.at(), inv.from(), inv.now()))
                .forEach(e -> warnings.merge(e.reason(), e.count(), Integer::sum));
        if (warnings.isEmpty()) {
            out.normal("events", "no warnings");
            return;
        }
        int total = warnings.values().stream().mapToInt(Integer::intValue).sum();
        String top = warnings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(4)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        out.abnormal("events", total + " warnings: " + top);
    }

    private static void config(Snapshot snapshot, List<ChangeEvent> changes, SourceEvidence.Builder out) {
        int referenced =
                snapshot.configObjects().size() + snapshot.missingConfig().size();
        if (referenced == 0) {
            return;
        }
        long changed = changes.stream()
                .filter(c -> c.kind() == ChangeKind.CONFIG_CHANGE || c.kind() == ChangeKind.SECRET_CHANGE)
                .count();
        if (!snapshot.missingConfig().isEmpty()) {
            out.abnormal("config", "referenced but missing: " + String.join(", ", snapshot.missingConfig()));
        } else if (changed > 0) {
            out.abnormal(
                    "config", changed + " of " + referenced + " referenced ConfigMaps/Secrets changed in the window");
        } else {
            out.normal("config", referenced + " referenced ConfigMaps/Secrets unchanged in the window");
        }
    }

    private static void policies(Snapshot snapshot, List<ChangeEvent> changes, SourceEvidence.Builder out) {
        int selecting = ObjectChanges.selecting(snapshot).size();
        long changed = changes.stream()
                .filter(c -> c.kind() == ChangeKind.NETWORK_POLICY)
                .count();
        if (selecting == 0) {
            out.normal("network policies", "none select the workload's pods");
        } else if (changed == 0) {
            out.normal("network policies", selecting + " select the workload's pods, unchanged in the window");
        } else {
            out.abnormal(
                    "network policies", changed + " of " + selecting + " selecting the workload changed in the window");
        }
    }
}
