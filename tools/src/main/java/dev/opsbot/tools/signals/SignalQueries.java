package dev.opsbot.tools.signals;

import dev.opsbot.core.triage.SignalName;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PromQL behind each named signal, with {@code $namespace} and {@code $service} placeholders. The defaults read
 * kube-state-metrics, cAdvisor, kubelet, cert-manager and HTTP server metrics in either of the two common shapes
 * ({@code http_requests_total{code}} or Micrometer's {@code http_server_requests_seconds_count{status}}, joined with
 * {@code or} so that whichever exists answers). Configuration overrides any of them.
 */
public final class SignalQueries {
    private static final String SELECTOR = "namespace=\"$namespace\",service=\"$service\"";
    private static final String PODS = "namespace=\"$namespace\",pod=~\"$service-.*\"";

    private final Map<SignalName, String> queries;

    private SignalQueries(Map<SignalName, String> queries) {
        this.queries = Map.copyOf(queries);
    }

    public static SignalQueries defaults() {
        return withOverrides(Map.of());
    }

    /** The defaults, with {@code overrides} (by {@link SignalName#jsonName()}) replacing some of them. */
    public static SignalQueries withOverrides(Map<String, String> overrides) {
        Map<SignalName, String> queries = new EnumMap<>(SignalName.class);
        for (SignalName signal : SignalName.values()) {
            queries.put(signal, overrides.getOrDefault(signal.jsonName(), builtIn(signal)));
        }
        return new SignalQueries(queries);
    }

    /** The query for {@code signal} about one service. Names are DNS labels, so they need no escaping. */
    public String render(SignalName signal, String namespace, String service) {
        return Objects.requireNonNull(queries.get(signal), signal.jsonName())
                .replace("$namespace", namespace)
                .replace("$service", service);
    }

    static String builtIn(SignalName signal) {
        return switch (signal) {
            case ERROR_RATIO ->
                either(ratio("http_requests_total", "code"), ratio("http_server_requests_seconds_count", "status"));
            case REQUEST_RATE ->
                either(
                        "sum(rate(http_requests_total{" + SELECTOR + "}[5m]))",
                        "sum(rate(http_server_requests_seconds_count{" + SELECTOR + "}[5m]))");
            case LATENCY_P99 ->
                either(p99("http_request_duration_seconds_bucket"), p99("http_server_requests_seconds_bucket"));
            case RESTARTS -> "sum by (pod) (increase(kube_pod_container_status_restarts_total{" + PODS + "}[5m]))";
            case MEMORY_VS_LIMIT ->
                "max by (pod, container) (container_memory_working_set_bytes{" + PODS
                        + ",container!=\"\"}) / max by (pod, container) (kube_pod_container_resource_limits{" + PODS
                        + ",resource=\"memory\"})";
            case CPU_THROTTLING ->
                "sum by (pod, container) (rate(container_cpu_cfs_throttled_periods_total{" + PODS
                        + ",container!=\"\"}[5m])) / sum by (pod, container) (rate(container_cpu_cfs_periods_total{"
                        + PODS + ",container!=\"\"}[5m]))";
            case HPA_CURRENT_VS_MAX ->
                "max by (horizontalpodautoscaler) "
                        + "(kube_horizontalpodautoscaler_status_current_replicas{namespace=\"$namespace\"}) / max by "
                        + "(horizontalpodautoscaler) (kube_horizontalpodautoscaler_spec_max_replicas{namespace=\"$namespace\"})";
            case VOLUME_FREE ->
                "min by (namespace, persistentvolumeclaim) "
                        + "(kubelet_volume_stats_available_bytes{namespace=\"$namespace\"}) / min by (namespace, "
                        + "persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes{namespace=\"$namespace\"})";
            case CERT_EXPIRY ->
                "min by (namespace, name) "
                        + "(certmanager_certificate_expiration_timestamp_seconds{namespace=\"$namespace\"}) - time()";
        };
    }

    private static String ratio(String counter, String codeLabel) {
        return "sum(rate(" + counter + "{" + SELECTOR + "," + codeLabel + "=~\"5..\"}[5m])) / sum(rate(" + counter + "{"
                + SELECTOR + "}[5m]))";
    }

    private static String p99(String bucket) {
        return "histogram_quantile(0.99, sum by (le) (rate(" + bucket + "{" + SELECTOR + "}[5m])))";
    }

    private static String either(String first, String second) {
        return "(" + first + ") or (" + second + ")";
    }
}
