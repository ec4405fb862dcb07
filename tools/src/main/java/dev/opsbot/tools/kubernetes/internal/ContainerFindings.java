package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings from one container's status: OOMKilled, crash loops, image pull failures and missing ConfigMaps/Secrets.
 * A past termination counts only inside the window, unless the container is still not ready; a state the container
 * is in now counts whenever it began.
 */
final class ContainerFindings {
    private static final Set<String> PULL_FAILURES =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
    private static final Set<String> CONFIG_FAILURES = Set.of("CreateContainerConfigError", "CreateContainerError");
    private static final int MAX_MESSAGE = 200;

    private final Pod pod;
    private final ObjectRef subject;
    private final ContainerStatus status;
    private final Snapshot snapshot;
    private final Investigation inv;
    private final String name;
    private final int restarts;
    private final ContainerStateWaiting waiting;

    ContainerFindings(Pod pod, ObjectRef subject, ContainerStatus status, Snapshot snapshot, Investigation inv) {
        this.pod = pod;
        this.subject = subject;
        this.status = status;
        this.snapshot = snapshot;
        this.inv = inv;
        this.name = status.getName();
        this.restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
        this.waiting = status.getState() == null ? null : status.getState().getWaiting();
    }

    void collect(FindingSink findings) {
        oomKilled(findings);
        crashLoop(findings);
        imagePull(findings);
        configError(findings);
    }

    private void oomKilled(FindingSink findings) {
        boolean ongoing = !waitingReason().isEmpty() || !Boolean.TRUE.equals(status.getReady());
        for (ContainerStateTerminated terminated : terminations()) {
            Instant at = PodFindings.finished(terminated, pod, inv);
            if ("OOMKilled".equals(terminated.getReason()) && (ongoing || inWindow(at))) {
                String limit = Quantities.of(spec(), "limits", "memory");
                findings.add(
                        subject.name() + "/" + name,
                        at,
                        FindingKind.OOM_KILLED,
                        subject,
                        prefix() + " OOMKilled (exit " + exit(terminated) + "), " + restarts + " restarts"
                                + (limit.isEmpty() ? "" : "; memory limit " + limit),
                        Map.of("container", name, "restarts", String.valueOf(restarts), "limit", limit));
            }
        }
    }

    private void crashLoop(FindingSink findings) {
        ContainerStateTerminated last =
                status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (waitingReason().equals("CrashLoopBackOff")) {
            String exit = last == null ? "" : exit(last);
            String lastExit = last == null
                    ? ""
                    : " (last exit " + exit + (last.getReason() == null ? "" : " " + last.getReason()) + ")";
            findings.add(
                    subject.name() + "/" + name,
                    last == null ? inv.now() : PodFindings.finished(last, pod, inv),
                    FindingKind.CRASH_LOOP,
                    subject,
                    prefix() + " CrashLoopBackOff" + lastExit + ", " + restarts + " restarts",
                    Map.of(
                            "container",
                            name,
                            "reason",
                            "CrashLoopBackOff",
                            "exitCode",
                            exit,
                            "restarts",
                            String.valueOf(restarts)));
            return;
        }
        for (ContainerStateTerminated terminated : terminations()) {
            Instant at = PodFindings.finished(terminated, pod, inv);
            if ("Error".equals(terminated.getReason()) && inWindow(at)) {
                findings.add(
                        subject.name() + "/" + name,
                        at,
                        FindingKind.CRASH_LOOP,
                        subject,
                        prefix() + " terminated with Error (exit " + exit(terminated) + "), " + restarts + " restarts",
                        Map.of(
                                "container",
                                name,
                                "reason",
                                "Error",
                                "exitCode",
                                exit(terminated),
                                "restarts",
                                String.valueOf(restarts)));
            }
        }
    }

    private void imagePull(FindingSink findings) {
        if (!PULL_FAILURES.contains(waitingReason())) {
            return;
        }
        String image = status.getImage() != null && !status.getImage().isEmpty()
                ? status.getImage()
                : spec() == null ? "" : String.valueOf(spec().getImage());
        String message = message();
        findings.add(
                subject.name(),
                PodFindings.eventTime(snapshot, subject.name(), "Failed", "image", PodFindings.since(pod, inv)),
                FindingKind.IMAGE_PULL_FAILURE,
                subject,
                prefix() + " " + waitingReason() + ": image " + image + (message.isEmpty() ? "" : " (" + message + ")"),
                Map.of("container", name, "image", image, "reason", waitingReason()));
    }

    private void configError(FindingSink findings) {
        if (!CONFIG_FAILURES.contains(waitingReason())) {
            return;
        }
        MissingConfig.parse(message())
                .ifPresent(missing -> findings.add(
                        missing.kind() + "/" + missing.object(),
                        PodFindings.eventTime(
                                snapshot, subject.name(), "Failed", "not found", PodFindings.since(pod, inv)),
                        FindingKind.MISSING_CONFIG_OBJECT,
                        subject,
                        prefix() + " cannot start: " + missing.describe() + " not found",
                        Map.of("kind", missing.kind(), "object", missing.object(), "key", missing.key())));
    }

    /** The current termination (if the container is terminated now) and the last one before it. */
    private List<ContainerStateTerminated> terminations() {
        List<ContainerStateTerminated> terminations = new ArrayList<>();
        if (status.getState() != null && status.getState().getTerminated() != null) {
            terminations.add(status.getState().getTerminated());
        }
        if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
            terminations.add(status.getLastState().getTerminated());
        }
        return terminations;
    }

    private boolean inWindow(Instant at) {
        // a minute of slack: the investigation clock and the kubelet's need not agree to the second
        return Times.within(at, inv.from(), inv.now().plusSeconds(60));
    }

    private String prefix() {
        return "pod " + subject.name() + " container " + name;
    }

    private String waitingReason() {
        return waiting == null || waiting.getReason() == null ? "" : waiting.getReason();
    }

    private String message() {
        return PodStatuses.shorten(waiting == null ? "" : waiting.getMessage(), MAX_MESSAGE);
    }

    private Container spec() {
        if (pod.getSpec() == null) {
            return null;
        }
        return TemplateFields.containers(pod.getSpec()).stream()
                .filter(c -> name.equals(c.getName()))
                .findFirst()
                .orElse(null);
    }

    private static String exit(ContainerStateTerminated terminated) {
        return terminated.getExitCode() == null ? "?" : String.valueOf(terminated.getExitCode());
    }
}
