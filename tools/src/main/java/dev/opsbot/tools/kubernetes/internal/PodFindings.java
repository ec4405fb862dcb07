package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Map;

/**
 * Findings read from pod status: per container (see {@link ContainerFindings}), and per pod: unschedulable and
 * evicted. Pod status carries few times, so times come from the events about the pod when there are any, else from
 * its conditions' transitions.
 */
public final class PodFindings {
    private static final int MAX_MESSAGE = 200;

    private PodFindings() {}

    public static void collect(Snapshot snapshot, Investigation investigation, FindingSink findings) {
        for (Pod pod : snapshot.pods()) {
            ObjectRef subject =
                    ObjectRef.of("Pod", snapshot.namespace(), pod.getMetadata().getName());
            for (ContainerStatus status : PodStatuses.containers(pod)) {
                new ContainerFindings(pod, subject, status, snapshot, investigation).collect(findings);
            }
            unschedulable(pod, subject, findings);
            evicted(pod, subject, snapshot, findings);
        }
    }

    private static void unschedulable(Pod pod, ObjectRef subject, FindingSink findings) {
        PodCondition scheduled = PodStatuses.condition(pod, "PodScheduled");
        if (scheduled == null
                || !"False".equals(scheduled.getStatus())
                || !"Unschedulable".equals(scheduled.getReason())) {
            return;
        }
        String message = PodStatuses.shorten(scheduled.getMessage(), MAX_MESSAGE);
        Instant at = Times.parse(scheduled.getLastTransitionTime());
        findings.add(
                subject.name(),
                at != null ? at : Times.created(pod.getMetadata()),
                FindingKind.UNSCHEDULABLE,
                subject,
                "pod " + subject.name() + " cannot be scheduled: " + message,
                Map.of("reason", "Unschedulable", "message", message));
    }

    private static void evicted(Pod pod, ObjectRef subject, Snapshot snapshot, FindingSink findings) {
        if (pod.getStatus() == null || !"Evicted".equals(pod.getStatus().getReason())) {
            return;
        }
        String message = PodStatuses.shorten(pod.getStatus().getMessage(), MAX_MESSAGE);
        String node = PodStatuses.node(pod);
        findings.add(
                subject.name(),
                eventTime(snapshot, subject.name(), "Evicted", "", latestTransition(pod)),
                FindingKind.EVICTED,
                subject,
                "pod " + subject.name() + " evicted" + (node.isEmpty() ? "" : " from node " + node) + ": " + message,
                Map.of("reason", message, "node", node));
    }

    /** The newest time the pod's conditions changed, else its start: the closest the API gets to "when it broke". */
    static Instant latestTransition(Pod pod) {
        Instant latest = null;
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                latest = Times.latest(latest, Times.parse(condition.getLastTransitionTime()));
            }
        }
        if (latest == null && pod.getStatus() != null) {
            latest = Times.parse(pod.getStatus().getStartTime());
        }
        return latest != null ? latest : Times.created(pod.getMetadata());
    }

    static Instant since(Pod pod, Investigation inv) {
        Instant at = latestTransition(pod);
        return at != null ? at : inv.now();
    }

    /** The newest event about the pod with this reason and text, else {@code fallback}. */
    static Instant eventTime(Snapshot snapshot, String pod, String reason, String containing, Instant fallback) {
        return snapshot.events().stream() // newest first
                .filter(e -> e.about("Pod", pod)
                        && e.reason().equals(reason)
                        && e.message().contains(containing))
                .map(KubeEvent::at)
                .findFirst()
                .orElse(fallback);
    }

    /** When a termination ended, else began, else the pod's last transition. */
    static Instant finished(ContainerStateTerminated terminated, Pod pod, Investigation inv) {
        Instant at = Times.parse(terminated.getFinishedAt());
        if (at == null) {
            at = Times.parse(terminated.getStartedAt());
        }
        return at != null ? at : since(pod, inv);
    }
}
