package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

/**
 * One line per probe, so that two revisions can be compared as text and a person sees what changed:
 * {@code httpGet /healthz:8080 delay=5s period=10s timeout=1s failure=3}. Unset timings are shown with the
 * Kubernetes defaults, because that is what the kubelet uses.
 */
public final class Probes {
    private static final int MAX_COMMAND = 80;

    private Probes() {}

    public static String render(Probe probe) {
        if (probe == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(handler(probe));
        line.append(" delay=").append(or(probe.getInitialDelaySeconds(), 0)).append('s');
        line.append(" period=").append(or(probe.getPeriodSeconds(), 10)).append('s');
        line.append(" timeout=").append(or(probe.getTimeoutSeconds(), 1)).append('s');
        line.append(" failure=").append(or(probe.getFailureThreshold(), 3));
        if (probe.getSuccessThreshold() != null && probe.getSuccessThreshold() != 1) {
            line.append(" success=").append(probe.getSuccessThreshold());
        }
        return line.toString();
    }

    private static String handler(Probe probe) {
        if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            String path = get.getPath() == null || get.getPath().isEmpty() ? "/" : get.getPath();
            String scheme = "HTTPS".equalsIgnoreCase(get.getScheme()) ? " https" : "";
            return "httpGet " + path + ":" + port(get.getPort()) + scheme;
        }
        if (probe.getTcpSocket() != null) {
            return "tcpSocket :" + port(probe.getTcpSocket().getPort());
        }
        if (probe.getGrpc() != null) {
            String service = probe.getGrpc().getService();
            return "grpc :" + probe.getGrpc().getPort() + (service == null || service.isEmpty() ? "" : " " + service);
        }
        if (probe.getExec() != null && probe.getExec().getCommand() != null) {
            String command = String.join(" ", probe.getExec().getCommand());
            return "exec " + (command.length() > MAX_COMMAND ? command.substring(0, MAX_COMMAND) + "…" : command);
        }
        return "unknown";
    }

    static String port(IntOrString port) {
        if (port == null) {
            return "?";
        }
        return port.getIntVal() != null ? String.valueOf(port.getIntVal()) : String.valueOf(port.getStrVal());
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
