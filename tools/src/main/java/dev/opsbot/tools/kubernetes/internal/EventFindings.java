package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings read from the workload's events inside the window: probe failures (summed per probe), scheduling
 * failures, evictions, image pulls and missing ConfigMaps/Secrets for pods whose status no longer shows them, and
 * volume mount failures.
 */
public final class EventFindings {
    private static final Pattern VOLUME = Pattern.compile("volume \"([^\"]+)\"");
    private static final Pattern IMAGE = Pattern.compile("image \"([^\"]+)\"");
    private static final int MAX_MESSAGE = 200;

    private EventFindings() {}

    public static void collect(Snapshot snapshot, Investigation inv, FindingSink findings) {
        List<KubeEvent> inWindow = snapshot.events().stream()
                .filter(e -> Times.within(e.at(), inv.from(), inv.now().plusSeconds(60)))
                .toList();
        probes(snapshot, inWindow, findings);
        for (KubeEvent event : inWindow) {
            if (!event.objectKind().equals("Pod")) {
                continue;
            }
            ObjectRef pod = ObjectRef.of("Pod", snapshot.namespace(), event.objectName());
            String message = PodStatuses.shorten(event.message(), MAX_MESSAGE);
            switch (event.reason()) {
                case "FailedScheduling" ->
                    findings.add(
                            pod.name(),
                            event.at(),
                            FindingKind.UNSCHEDULABLE,
                            pod,
                            "pod " + pod.name() + " cannot be scheduled: " + message,
                            Map.of("reason", "FailedScheduling", "message", message));
                case "Evicted" ->
                    findings.add(
                            pod.name(),
                            event.at(),
                            FindingKind.EVICTED,
                            pod,
                            "pod " + pod.name() + " evicted: " + message,
                            Map.of("reason", message, "node", node(snapshot, pod.name())));
                case "Failed", "FailedMount", "FailedAttachVolume" -> failed(snapshot, event, pod, message, findings);
                default -> {}
            }
        }
    }

    private static void failed(
            Snapshot snapshot, KubeEvent event, ObjectRef pod, String message, FindingSink findings) {
        var missing = MissingConfig.parse(event.message());
        if (missing.isPresent()) {
            MissingConfig object = missing.get();
            findings.add(
                    object.kind() + "/" + object.object(),
                    event.at(),
                    FindingKind.MISSING_CONFIG_OBJECT,
                    pod,
                    "pod " + pod.name() + " cannot start: " + object.describe() + " not found",
                    Map.of("kind", object.kind(), "object", object.object(), "key", object.key()));
            return;
        }
        String lower = event.message().toLowerCase(Locale.ROOT);
        if (event.reason().equals("Failed") && (lower.contains("pull") || lower.contains("image"))) {
            String image = image(event.message());
            String container = containerWithImage(snapshot, pod.name(), image);
            findings.add(
                    pod.name(),
                    event.at(),
                    FindingKind.IMAGE_PULL_FAILURE,
                    pod,
                    "pod " + pod.name() + " cannot pull its image: " + message,
                    Map.of("container", container, "image", image, "reason", "ErrImagePull"));
            return;
        }
        if (!event.reason().equals("Failed")) {
            Matcher volume = VOLUME.matcher(event.message());
            String name = volume.find() ? volume.group(1) : "";
            findings.add(
                    "volume/" + name,
                    event.at(),
                    FindingKind.MOUNT_FAILURE,
                    pod,
                    "pod " + pod.name() + " cannot mount volume " + name + ": " + message,
                    Map.of("volume", name, "message", message));
        }
    }

    /** Unhealthy events summed per probe kind: one finding says "readiness failed 42 times on 3 pods". */
    private static void probes(Snapshot snapshot, List<KubeEvent> events, FindingSink findings) {
        Map<String, List<KubeEvent>> byProbe = new LinkedHashMap<>();
        for (KubeEvent event : events) {
            if (event.reason().equals("Unhealthy") && event.objectKind().equals("Pod")) {
                byProbe.computeIfAbsent(probe(event.message()), p -> new ArrayList<>())
                        .add(event);
            }
        }
        byProbe.forEach((probe, list) -> {
            int count = list.stream().mapToInt(KubeEvent::count).sum();
            Map<String, Integer> perPod = new HashMap<>();
            list.forEach(e -> perPod.merge(e.objectName(), e.count(), Integer::sum));
            String worst = perPod.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            KubeEvent newest = list.getFirst();
            String message = PodStatuses.shorten(newest.message(), MAX_MESSAGE);
            findings.add(
                    probe,
                    newest.at(),
                    FindingKind.PROBE_FAILURE,
                    ObjectRef.of("Pod", snapshot.namespace(), worst),
                    probe + " probe failed " + count + " times on " + perPod.size() + " pods: " + message,
                    Map.of(
                            "probe",
                            probe,
                            "count",
                            String.valueOf(count),
                            "message",
                            message,
                            "pods",
                            String.valueOf(perPod.size())));
        });
    }

    static String probe(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.startsWith("liveness")) {
            return "liveness";
        }
        if (lower.startsWith("startup")) {
            return "startup";
        }
        return "readiness";
    }

    private static String node(Snapshot snapshot, String podName) {
        Pod pod = snapshot.pod(podName);
        return pod == null ? "" : PodStatuses.node(pod);
    }

    private static String image(String message) {
        Matcher matcher = IMAGE.matcher(message);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String containerWithImage(Snapshot snapshot, String podName, String image) {
        Pod pod = snapshot.pod(podName);
        if (pod == null || pod.getSpec() == null || image.isEmpty()) {
            return "";
        }
        return TemplateFields.containers(pod.getSpec()).stream()
                .filter(c -> image.equals(c.getImage()))
                .map(c -> c.getName())
                .findFirst()
                .orElse("");
    }
}
