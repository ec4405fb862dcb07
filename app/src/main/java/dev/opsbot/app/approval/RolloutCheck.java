package dev.opsbot.app.approval;

import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.actions.DeploymentRef;
import dev.opsbot.tools.kubernetes.ApiCall;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Deployment's rollout is done, read as the person: the checks of {@code kubectl rollout status} (the
 * controller saw the latest generation; every replica updated, old ones gone, all available), then the pods of the
 * current revision themselves — ready, and none OOMKilled, crash-looping or restarted since the action.
 */
final class RolloutCheck {
    private static final String REVISION = "deployment.kubernetes.io/revision";
    private static final String HASH = "pod-template-hash";
    private static final Set<String> STUCK = Set.of(
            "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError", "InvalidImageName");

    private final KubernetesAccess access;

    RolloutCheck(KubernetesAccess access) {
        this.access = access;
    }

    RolloutState check(ToolContext context, DeploymentRef ref, Instant actedAt) {
        String ns = ref.namespace();
        Deployment deployment = access.read(
                context,
                ApiCall.get("deployments", ns, ref.name()),
                c -> c.apps().deployments().inNamespace(ns).withName(ref.name()).get());
        if (deployment == null) {
            return new RolloutState(false, true, ref.display() + " does not exist");
        }
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        String revision = annotation(deployment.getMetadata().getAnnotations(), REVISION);
        int replicas = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        Long generation = deployment.getMetadata().getGeneration();
        if (generation != null
                && (status.getObservedGeneration() == null || status.getObservedGeneration() < generation)) {
            return RolloutState.waiting("waiting for the controller to pick up the change");
        }
        for (DeploymentCondition condition : list(status.getConditions())) {
            if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                return new RolloutState(
                        false, true, "the rollout exceeded its progress deadline: " + condition.getMessage());
            }
        }
        String waiting = waiting(status, replicas, revision);
        Pods pods = pods(context, deployment, revision, actedAt);
        if (waiting != null || pods.trouble() != null) {
            return RolloutState.waiting(
                    waiting == null
                            ? pods.trouble()
                            : pods.trouble() == null ? waiting : waiting + " (" + pods.trouble() + ")");
        }
        String counted = pods.ready() + "/" + replicas + " pods ready on revision " + revision;
        return pods.ready() >= replicas ? new RolloutState(true, false, counted) : RolloutState.waiting(counted);
    }

    /** What {@code kubectl rollout status} would still wait for, or null. */
    private static String waiting(DeploymentStatus status, int replicas, String revision) {
        int updated = number(status.getUpdatedReplicas());
        int available = number(status.getAvailableReplicas());
        if (updated < replicas) {
            return updated + " of " + replicas + " pods updated to revision " + revision;
        }
        if (number(status.getReplicas()) > updated) {
            return (number(status.getReplicas()) - updated) + " old pods still terminating";
        }
        if (available < updated) {
            return available + " of " + updated + " updated pods available";
        }
        return null;
    }

    /** The pods of the current revision: how many are ready, and the first one in trouble. */
    private record Pods(int ready, String trouble) {}

    private Pods pods(ToolContext context, Deployment deployment, String revision, Instant actedAt) {
        String ns = deployment.getMetadata().getNamespace();
        Map<String, String> selector = deployment.getSpec().getSelector() == null
                ? Map.of()
                : deployment.getSpec().getSelector().getMatchLabels();
        List<ReplicaSet> replicaSets = access.read(context, ApiCall.list("replicasets", ns), c -> c.apps()
                .replicaSets()
                .inNamespace(ns)
                .withLabels(selector)
                .list()
                .getItems());
        String hash = replicaSets.stream()
                .filter(rs -> revision != null
                        && revision.equals(annotation(rs.getMetadata().getAnnotations(), REVISION)))
                .map(rs -> annotation(rs.getMetadata().getLabels(), HASH))
                .findFirst()
                .orElse(null);
        List<Pod> pods = access
                .read(context, ApiCall.list("pods", ns), c -> c.pods()
                        .inNamespace(ns)
                        .withLabels(selector)
                        .list()
                        .getItems())
                .stream()
                .filter(p ->
                        hash == null || hash.equals(annotation(p.getMetadata().getLabels(), HASH)))
                .sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        int ready = 0;
        String trouble = null;
        for (Pod pod : pods) {
            String wrong = trouble(pod, actedAt);
            if (wrong != null && trouble == null) {
                trouble = pod.getMetadata().getName() + " " + wrong;
            }
            if (ready(pod)) {
                ready++;
            }
        }
        return new Pods(ready, trouble);
    }

    /** What is wrong with a pod now, or null: a container stuck waiting, or one that died since the action. */
    private static String trouble(Pod pod, Instant actedAt) {
        if (pod.getStatus() == null) {
            return null;
        }
        for (ContainerStatus container : list(pod.getStatus().getContainerStatuses())) {
            if (container.getState() != null
                    && container.getState().getWaiting() != null
                    && STUCK.contains(container.getState().getWaiting().getReason())) {
                return "is " + container.getState().getWaiting().getReason();
            }
            var last = container.getLastState() == null
                    ? null
                    : container.getLastState().getTerminated();
            if (last != null && !before(last.getFinishedAt(), actedAt)) {
                return "restarted since the action ("
                        + (last.getReason() == null ? "exit " + last.getExitCode() : last.getReason()) + ")";
            }
        }
        return null;
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && list(pod.getStatus().getConditions()).stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean before(String time, Instant instant) {
        if (time == null) {
            return true;
        }
        try {
            return OffsetDateTime.parse(time).toInstant().isBefore(instant);
        } catch (DateTimeParseException notATime) {
            return true;
        }
    }

    private static String annotation(Map<String, String> values, String key) {
        return values == null ? null : values.get(key);
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
