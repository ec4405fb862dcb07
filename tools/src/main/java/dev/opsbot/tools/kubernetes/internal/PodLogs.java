package dev.opsbot.tools.kubernetes.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one log request both the {@code pod_logs} tool and the evidence source send, so that whoever serves logs
 * (the API server, a scenario's mock server) sees one shape:
 * {@code GET /api/v1/namespaces/{ns}/pods/{pod}/log?container={c}[&previous=true]&tailLines={n}&limitBytes={b}&timestamps=true}.
 * Timestamps are asked for so that every line can be placed in the investigation window, whatever the app prints.
 */
public final class PodLogs {
    private PodLogs() {}

    public static String path(
            String namespace, String pod, String container, boolean previous, int tailLines, int limitBytes) {
        StringBuilder path = new StringBuilder("/api/v1/namespaces/")
                .append(encode(namespace))
                .append("/pods/")
                .append(encode(pod))
                .append("/log?container=")
                .append(encode(container));
        if (previous) {
            path.append("&previous=true");
        }
        return path.append("&tailLines=")
                .append(tailLines)
                .append("&limitBytes=")
                .append(limitBytes)
                .append("&timestamps=true")
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
