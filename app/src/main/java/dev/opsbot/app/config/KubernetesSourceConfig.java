package dev.opsbot.app.config;

import java.time.Duration;

/**
 * The Kubernetes API as an evidence source (objects, events, logs), through fabric8. Off by default: {@code serve}
 * assumes no cluster, and the demo and scenarios wire their own.
 *
 * @param masterUrl the API server; {@code null} leaves it to fabric8's discovery (the in-cluster service account,
 *     then {@code ~/.kube/config})
 * @param impersonate read as the person asking ({@code Impersonate-User}/{@code Impersonate-Group}), so their RBAC
 *     applies; the bot's own account then needs the RBAC verb {@code impersonate}
 * @param requestTimeout each API request's deadline, 100ms to 60s
 */
public record KubernetesSourceConfig(boolean enabled, String masterUrl, boolean impersonate, Duration requestTimeout) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    static final DurationRule REQUEST_TIMEOUT = new DurationRule(Duration.ofMillis(100), Duration.ofSeconds(60));

    public KubernetesSourceConfig {
        masterUrl = Checks.httpUrl("sources.kubernetes.masterUrl", masterUrl, "https://kubernetes.default.svc");
        requestTimeout = REQUEST_TIMEOUT.check("sources.kubernetes.requestTimeout", requestTimeout);
    }

    public static KubernetesSourceConfig defaults() {
        return new KubernetesSourceConfig(false, null, true, DEFAULT_REQUEST_TIMEOUT);
    }

    static KubernetesSourceConfig from(ConfigNode node) {
        KubernetesSourceConfig config = new KubernetesSourceConfig(
                node.bool("enabled", false),
                node.text("masterUrl"),
                node.bool("impersonate", true),
                node.duration("requestTimeout", DEFAULT_REQUEST_TIMEOUT, REQUEST_TIMEOUT));
        node.rejectUnknown();
        return config;
    }
}
