package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which events are about the workload: its pods (also those already gone, named after its ReplicaSets or, for a
 * StatefulSet, {@code name-N}), its ReplicaSets, itself, its HPAs and its Service. Applied while merging, so that the
 * thousands of events of a busy namespace are dropped before anything else looks at them.
 */
public final class EventScope {
    private EventScope() {}

    public static Predicate<KubeEvent> of(
            Workload workload,
            List<Pod> pods,
            List<ReplicaSet> replicaSets,
            List<HorizontalPodAutoscaler> hpas,
            Service service) {
        Set<String> podNames = names(pods);
        Set<String> rsNames = names(replicaSets);
        Set<String> hpaNames = names(hpas);
        String serviceName = service == null ? null : service.getMetadata().getName();
        Pattern statefulPods = workload.kind().equals("StatefulSet")
                ? Pattern.compile(Pattern.quote(workload.name()) + "-\\d+")
                : null;
        return event -> switch (event.objectKind()) {
            case "Pod" ->
                podNames.contains(event.objectName())
                        || ownedPod(event.objectName(), rsNames)
                        || statefulPods != null
                                && statefulPods.matcher(event.objectName()).matches();
            case "ReplicaSet" -> rsNames.contains(event.objectName());
            case "Deployment", "StatefulSet" ->
                event.objectKind().equals(workload.kind()) && event.objectName().equals(workload.name());
            case "HorizontalPodAutoscaler" -> hpaNames.contains(event.objectName());
            case "Service", "Endpoints" -> event.objectName().equals(serviceName);
            default -> false;
        };
    }

    /** A ReplicaSet's pods are named {@code <replicaset>-<5 characters>}. */
    private static boolean ownedPod(String pod, Set<String> replicaSets) {
        int dash = pod.lastIndexOf('-');
        return dash > 0 && replicaSets.contains(pod.substring(0, dash));
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        Set<String> names = new HashSet<>();
        objects.forEach(o -> names.add(o.getMetadata().getName()));
        return names;
    }
}
