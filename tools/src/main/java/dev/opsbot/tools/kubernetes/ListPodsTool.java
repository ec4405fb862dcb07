package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.PodStatuses;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** {@code kubernetes.list_pods}: phase, node and per container readiness, restarts, state and last termination. */
final class ListPodsTool extends KubernetesReadTool {
    static final int MAX_PODS = 50;
    private static final int MAX_MESSAGE = 300;

    ListPodsTool(KubernetesAccess access) {
        super(
                access,
                "list_pods",
                "List pods in a namespace, optionally by label selector (e.g. app=checkout). Per container: ready,"
                        + " restarts, current state (waiting reason, running since, terminated reason/exitCode) and"
                        + " the last termination (e.g. OOMKilled, exit 137). Troubled pods first; at most "
                        + MAX_PODS + ".",
                "List pods with their container states and restarts",
                KubernetesReadTool.namespacedSchema()
                        .string("selector", "label selector, e.g. app=checkout")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String selector = args.selector("selector");
        List<Pod> pods = access.read(context, ApiCall.list("pods", namespace), client -> {
            var query = client.pods().inNamespace(namespace);
            return (selector.isEmpty()
                            ? query.list()
                            : query.withLabelSelector(selector).list())
                    .getItems();
        });
        if (pods.isEmpty()) {
            return new ToolResult.NoData(
                    "no pods in namespace " + namespace + (selector.isEmpty() ? "" : " match " + selector));
        }
        List<Pod> sorted = pods.stream().sorted(PodStatuses.TROUBLED_FIRST).toList();
        ObjectNode data = JsonOut.capped(JsonOut.object(), "pods", sorted, MAX_PODS, ListPodsTool::pod);
        long ready = pods.stream().filter(PodStatuses::ready).count();
        int restarts = pods.stream().mapToInt(PodStatuses::restarts).sum();
        return new ToolResult.Success(
                pods.size() + " pods in " + namespace + ": " + ready + " ready, " + restarts + " restarts", data);
    }

    static ObjectNode pod(Pod pod) {
        ObjectNode node = JsonOut.object().put("name", pod.getMetadata().getName());
        node.put("phase", PodStatuses.phase(pod));
        JsonOut.put(
                node, "reason", pod.getStatus() == null ? null : pod.getStatus().getReason());
        JsonOut.put(node, "node", PodStatuses.node(pod));
        node.put("ready", PodStatuses.ready(pod));
        JsonOut.put(
                node,
                "startTime",
                pod.getStatus() == null ? null : Times.parse(pod.getStatus().getStartTime()));
        var containers = node.putArray("containers");
        PodStatuses.containers(pod).forEach(status -> containers.add(container(status)));
        return node;
    }

    private static ObjectNode container(ContainerStatus status) {
        ObjectNode node = JsonOut.object().put("name", status.getName());
        node.put("ready", Boolean.TRUE.equals(status.getReady()));
        node.put("restarts", status.getRestartCount() == null ? 0 : status.getRestartCount());
        node.set("state", state(status.getState()));
        if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
            node.set("lastTerminated", terminated(status.getLastState().getTerminated()));
        }
        return node;
    }

    private static ObjectNode state(ContainerState state) {
        ObjectNode node = JsonOut.object();
        if (state == null) {
            return node;
        }
        if (state.getWaiting() != null) {
            ObjectNode waiting = node.putObject("waiting");
            JsonOut.put(waiting, "reason", state.getWaiting().getReason());
            JsonOut.put(
                    waiting, "message", PodStatuses.shorten(state.getWaiting().getMessage(), MAX_MESSAGE));
        } else if (state.getRunning() != null) {
            JsonOut.put(
                    node.putObject("running"),
                    "since",
                    Times.parse(state.getRunning().getStartedAt()));
        } else if (state.getTerminated() != null) {
            node.set("terminated", terminated(state.getTerminated()));
        }
        return node;
    }

    private static ObjectNode terminated(ContainerStateTerminated terminated) {
        ObjectNode node = JsonOut.object();
        JsonOut.put(node, "reason", terminated.getReason());
        JsonOut.put(node, "exitCode", terminated.getExitCode());
        JsonOut.put(node, "finishedAt", Times.parse(terminated.getFinishedAt()));
        JsonOut.put(node, "message", PodStatuses.shorten(terminated.getMessage(), MAX_MESSAGE));
        return node;
    }
}
