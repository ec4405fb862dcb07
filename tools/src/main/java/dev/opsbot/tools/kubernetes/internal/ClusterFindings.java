package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Instant;
import java.util.Map;

/** Findings about what surrounds the pods: their nodes, the Service in front of them, the HPA that scales them. */
public final class ClusterFindings {
    private static final int MAX_MESSAGE = 200;

    private ClusterFindings() {}

    public static void collect(Snapshot snapshot, Investigation inv, FindingSink findings) {
        nodes(snapshot, inv, findings);
        endpoints(snapshot, inv, findings);
        hpas(snapshot, inv, findings);
    }

    private static void nodes(Snapshot snapshot, Investigation inv, FindingSink findings) {
        for (Node node : snapshot.nodes()) {
            String name = node.getMetadata().getName();
            long pods = snapshot.pods().stream()
                    .filter(p -> name.equals(PodStatuses.node(p)))
                    .count();
            for (NodeCondition condition : NodeConditions.bad(node)) {
                String what = NodeConditions.name(condition);
                Instant since = Times.parse(condition.getLastTransitionTime());
                String message = PodStatuses.shorten(condition.getMessage(), MAX_MESSAGE);
                findings.add(
                        name + "/" + what,
                        since != null ? since : inv.now(),
                        FindingKind.NODE_CONDITION,
                        ObjectRef.of("Node", "", name),
                        "node " + name + " " + what + " since " + Times.clock(since)
                                + (message.isEmpty() ? "" : ": " + message) + " (" + pods + " of the workload's pods)",
                        Map.of("condition", what, "node", name, "reason", nonNull(condition.getReason())));
            }
        }
    }

    private static void endpoints(Snapshot snapshot, Investigation inv, FindingSink findings) {
        ServiceEndpoints endpoints = snapshot.endpoints();
        if (snapshot.service() == null
                || endpoints == null
                || !endpoints.ready().isEmpty()) {
            return;
        }
        String service = snapshot.service().getMetadata().getName();
        int notReady = endpoints.notReady().size();
        Instant at = latest(endpoints.lastChange(), newestReadyTransition(snapshot), inv.now());
        findings.add(
                service,
                at != null ? at : inv.now(),
                FindingKind.NO_ENDPOINTS,
                ObjectRef.of("Service", snapshot.namespace(), service),
                "service " + service + " has no ready endpoints (" + notReady + " not ready, "
                        + snapshot.pods().size() + " pods)",
                Map.of("service", service, "notReady", String.valueOf(notReady)));
    }

    private static void hpas(Snapshot snapshot, Investigation inv, FindingSink findings) {
        for (HorizontalPodAutoscaler hpa : snapshot.hpas()) {
            String name = hpa.getMetadata().getName();
            ObjectRef subject = ObjectRef.of("HorizontalPodAutoscaler", snapshot.namespace(), name);
            int current = Hpas.current(hpa);
            int max = Hpas.max(hpa);
            int desired = Hpas.desired(hpa);
            var limited = Hpas.condition(hpa, "ScalingLimited");
            if (current >= max && (desired > max || Hpas.is(limited, "True"))) {
                Instant at = limited != null && Hpas.is(limited, "True")
                        ? Times.parse(limited.getLastTransitionTime())
                        : Times.parse(hpa.getStatus().getLastScaleTime());
                findings.add(
                        name + "/max",
                        at != null ? at : inv.now(),
                        FindingKind.HPA_AT_MAX,
                        subject,
                        "HPA " + name + " at its maximum: " + current + " of " + max + " replicas"
                                + (desired > max ? ", wants " + desired : "")
                                + (limited != null && limited.getReason() != null
                                        ? " (" + limited.getReason() + ")"
                                        : ""),
                        Map.of(
                                "current",
                                String.valueOf(current),
                                "max",
                                String.valueOf(max),
                                "desired",
                                String.valueOf(desired)));
            }
            var active = Hpas.condition(hpa, "ScalingActive");
            if (Hpas.is(active, "False")) {
                String reason = nonNull(active.getReason());
                String message = PodStatuses.shorten(active.getMessage(), MAX_MESSAGE);
                Instant at = Times.parse(active.getLastTransitionTime());
                findings.add(
                        name + "/active",
                        at != null ? at : inv.now(),
                        FindingKind.HPA_FAILING,
                        subject,
                        "HPA " + name + " cannot scale: " + reason + (message.isEmpty() ? "" : ": " + message),
                        Map.of("reason", reason, "message", message));
            }
        }
    }

    private static Instant newestReadyTransition(Snapshot snapshot) {
        Instant newest = null;
        for (Pod pod : snapshot.pods()) {
            PodCondition ready = PodStatuses.condition(pod, "Ready");
            if (ready != null) {
                newest = Times.latest(newest, Times.parse(ready.getLastTransitionTime()));
            }
        }
        return newest;
    }

    /** The newest of the candidates that is not after {@code now}. */
    private static Instant latest(Instant a, Instant b, Instant now) {
        Instant result = null;
        for (Instant candidate : new Instant[] {a, b}) {
            if (candidate != null && !candidate.isAfter(now)) {
                result = Times.latest(result, candidate);
            }
        }
        return result;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
