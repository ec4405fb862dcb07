package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Everyday events about unrelated pods within the hour before {@code now}: mostly Normal (scheduled, pulled,
 * created, started), one in ten Warning (a readiness probe that failed once, a slow image pull).
 */
public final class NoiseEvents {
    private record Kind(String type, String reason, String component, String message) {}

    private static final List<Kind> NORMAL = List.of(
            new Kind("Normal", "Scheduled", "default-scheduler", "Successfully assigned %s to a node"),
            new Kind("Normal", "Pulled", "kubelet", "Container image for %s already present on machine"),
            new Kind("Normal", "Created", "kubelet", "Created container in %s"),
            new Kind("Normal", "Started", "kubelet", "Started container in %s"));
    private static final List<Kind> WARNING = List.of(
            new Kind(
                    "Warning",
                    "Unhealthy",
                    "kubelet",
                    "Readiness probe failed for %s: HTTP probe failed with" + " statuscode: 503"),
            new Kind(
                    "Warning",
                    "Failed",
                    "kubelet",
                    "Failed to pull image for %s: rpc error: context deadline" + " exceeded"));

    private NoiseEvents() {}

    public static List<Event> about(List<Pod> pods, int count, Instant now, long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count && !pods.isEmpty(); i++) {
            Pod pod = pods.get(random.nextInt(pods.size()));
            List<Kind> kinds = random.nextInt(10) == 0 ? WARNING : NORMAL;
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            Instant first = now.minusSeconds(60 + random.nextInt(3600));
            Instant last = first.plusSeconds(random.nextInt(60));
            String name = pod.getMetadata().getName();
            events.add(new EventBuilder()
                    .withNewMetadata()
                    .withName(name + "." + Long.toHexString(0x18a0000000000000L + i))
                    .withNamespace(pod.getMetadata().getNamespace())
                    .withCreationTimestamp(first.toString())
                    .endMetadata()
                    .withNewInvolvedObject()
                    .withApiVersion("v1")
                    .withKind("Pod")
                    .withName(name)
                    .withNamespace(pod.getMetadata().getNamespace())
                    .withUid(pod.getMetadata().getUid())
                    .endInvolvedObject()
                    .withType(kind.type())
                    .withReason(kind.reason())
                    .withMessage(kind.message().formatted(name))
                    .withNewSource()
                    .withComponent(kind.component())
                    .endSource()
                    .withFirstTimestamp(first.toString())
                    .withLastTimestamp(last.toString())
                    .withCount(1 + random.nextInt(3))
                    .build());
        }
        return events;
    }
}
