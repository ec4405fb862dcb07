package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.LogAnalyzer;
import dev.opsbot.core.triage.LogLine;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.tools.kubernetes.internal.PodLogs;
import dev.opsbot.tools.kubernetes.internal.PodStatuses;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Reads the tail of the logs of a few of the workload's pods (the troubled ones first), and the previous container's
 * log where a container restarted, and turns them into error signatures. Lines are parsed on the reading threads.
 */
final class LogSampler {
    static final int MAX_PODS = 5;
    static final int TAIL_LINES = 300;
    static final int LIMIT_BYTES = 256 * 1024;
    static final int MAX_SIGNATURES = 10;

    private final Reads reads;
    private final String namespace;
    private final List<Future<List<LogLine>>> pending = new ArrayList<>();
    private int sampledPods;

    LogSampler(Reads reads, String namespace) {
        this.reads = reads;
        this.namespace = namespace;
    }

    void start(List<Pod> pods) {
        List<Pod> sample =
                pods.stream().sorted(PodStatuses.TROUBLED_FIRST).limit(MAX_PODS).toList();
        sampledPods = sample.size();
        for (Pod pod : sample) {
            for (Container container : pod.getSpec().getContainers()) {
                pending.add(read(pod, container.getName(), false));
                if (restarts(pod, container.getName()) > 0) {
                    pending.add(read(pod, container.getName(), true));
                }
            }
        }
    }

    void collect(Investigation inv, SourceEvidence.Builder evidence) {
        if (pending.isEmpty()) {
            return;
        }
        List<LogLine> lines = new ArrayList<>();
        for (Future<List<LogLine>> read : pending) {
            lines.addAll(reads.optional("logs", read, List.of()));
        }
        List<LogSignature> signatures =
                LogAnalyzer.signatures("kubernetes", lines, inv.from(), inv.now(), MAX_SIGNATURES);
        evidence.logs(signatures);
        String sampled = lines.size() + " lines from " + sampledPods + " pods";
        if (signatures.isEmpty()) {
            evidence.normal("logs", "no error lines in " + sampled);
        } else {
            LogSignature top = signatures.getFirst();
            evidence.abnormal(
                    "logs",
                    signatures.size() + " error signatures in " + sampled + "; most frequent: " + top.count() + " x "
                            + top.signature());
        }
    }

    private Future<List<LogLine>> read(Pod pod, String container, boolean previous) {
        String name = pod.getMetadata().getName();
        String path = PodLogs.path(namespace, name, container, previous, TAIL_LINES, LIMIT_BYTES);
        return reads.start(ApiCall.get("pods/log", namespace, name), client -> {
            try {
                return parse(name, container, client.raw(path, "GET", null));
            } catch (KubernetesClientException e) {
                // 400: no previous container, or the container has not started; 404: the pod is gone. Not gaps.
                if (e.getCode() == 400 || e.getCode() == 404) {
                    return List.of();
                }
                throw e;
            }
        });
    }

    /** kubelet time first, then the app's own line, which may start with its own time: keep the kubelet's. */
    static List<LogLine> parse(String pod, String container, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<LogLine> lines = new ArrayList<>();
        for (LogLine line : LogAnalyzer.parseAll(pod, container, text)) {
            LogLine inner = LogAnalyzer.parse(pod, container, line.text());
            lines.add(
                    line.at() != null && inner.at() != null
                            ? new LogLine(line.at(), pod, container, inner.text())
                            : line);
        }
        return lines;
    }

    private static int restarts(Pod pod, String container) {
        return PodStatuses.containers(pod).stream()
                .filter(s -> container.equals(s.getName()))
                .map(ContainerStatus::getRestartCount)
                .filter(count -> count != null)
                .findFirst()
                .orElse(0);
    }
}
