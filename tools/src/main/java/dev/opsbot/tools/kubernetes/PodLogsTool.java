package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.PodLogs;
import dev.opsbot.tools.kubernetes.internal.PodStatuses;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Arrays;
import java.util.List;

/**
 * {@code kubernetes.pod_logs}: the last lines of one container's log, or of the previous (crashed) container. Capped
 * in lines and bytes by the API server itself ({@code tailLines}, {@code limitBytes}), so a chatty pod cannot
 * flood the answer.
 */
final class PodLogsTool extends KubernetesReadTool {
    static final int DEFAULT_LINES = 100;
    static final int MAX_LINES = 200;
    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_LINE = 500;

    PodLogsTool(KubernetesAccess access) {
        super(
                access,
                "pod_logs",
                "The last lines (at most " + MAX_LINES + ") of a pod's container log, each prefixed with its time."
                        + " previous=true reads the container that ran before the last restart: where a"
                        + " crash-looping or OOMKilled container's last words are. The container may be left out"
                        + " when the pod has only one.",
                "Show the tail of a pod's log",
                KubernetesReadTool.namespacedSchema()
                        .string("pod", "pod name")
                        .require("pod")
                        .string("container", "container name; required when the pod has several")
                        .bool("previous", "read the previous container instance (after a restart)")
                        .integer("tailLines", "how many lines from the end", 1, MAX_LINES)
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String podName = args.name("pod");
        boolean previous = args.bool("previous");
        int tailLines = args.integer("tailLines", DEFAULT_LINES, 1, MAX_LINES);
        String container = container(context, namespace, podName, args.optionalName("container"));
        String path = PodLogs.path(namespace, podName, container, previous, tailLines, MAX_BYTES);
        String text;
        try {
            text = access.read(
                    context, ApiCall.get("pods/log", namespace, podName), client -> client.raw(path, "GET", null));
        } catch (SourceFailure failure) {
            if (failure.kind() == SourceFailure.Kind.BAD_REQUEST) {
                // the API server's way of saying there is no previous container, or the container has not started
                return new ToolResult.NoData("no " + (previous ? "previous " : "") + "log for pod " + podName
                        + " container " + container + ": " + failure.getMessage());
            }
            throw failure;
        }
        List<String> lines = text == null || text.isEmpty()
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(line -> PodStatuses.shorten(line, MAX_LINE))
                        .toList();
        ObjectNode data =
                JsonOut.object().put("pod", podName).put("container", container).put("previous", previous);
        JsonOut.put(data, "lines", lines);
        data.put("returned", lines.size());
        data.put("truncated", lines.size() >= tailLines || text != null && text.length() >= MAX_BYTES);
        return new ToolResult.Success(
                lines.size() + " log lines of " + namespace + "/" + podName + " container " + container
                        + (previous ? " (previous)" : ""),
                data);
    }

    private String container(ToolContext context, String namespace, String podName, String asked) {
        Pod pod = access.read(
                context,
                ApiCall.get("pods", namespace, podName),
                client -> client.pods().inNamespace(namespace).withName(podName).get());
        if (pod == null) {
            throw new SourceFailure(
                    KubernetesAccess.SOURCE,
                    SourceFailure.Kind.NOT_FOUND,
                    "pod " + namespace + "/" + podName + " not found",
                    null);
        }
        List<String> names =
                pod.getSpec().getContainers().stream().map(Container::getName).toList();
        if (!asked.isEmpty()) {
            return asked;
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        throw new SourceFailure(
                KubernetesAccess.SOURCE,
                SourceFailure.Kind.BAD_REQUEST,
                "pod " + podName + " has containers " + String.join(", ", names) + ": name one",
                null);
    }
}
