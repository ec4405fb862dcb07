package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.triage.SignalName;
import java.util.EnumMap;
import java.util.Map;

/**
 * The signal definitions used when configuration names none: an Application Load Balancer target group in front
 * of the service, and Container Insights (EKS) for its pods. Values: {@code ${targetGroup}} (the {@code TargetGroup}
 * dimension, {@code targetgroup/<name>/<id>}) and {@code ${cluster}}; {@code ${service}} and {@code ${namespace}}
 * come from the investigation.
 *
 * <ul>
 *   <li>{@code error_ratio}: {@code IF(requests > 0, FILL(errors, 0) / requests, 0)}, where errors and requests are
 *       {@code SUM(SEARCH(...))} of {@code AWS/ApplicationELB} {@code HTTPCode_Target_5XX_Count} and
 *       {@code RequestCount} (Sum) with {@code TargetGroup="${targetGroup}"}: a search, so the load balancer's own
 *       dimension need not be configured.
 *   <li>{@code request_rate}: requests / 60 (per second at the 60 s period).
 *   <li>{@code latency_p99}: {@code MAX(SEARCH(...))} of {@code TargetResponseTime} (p99, seconds), same target group.
 *   <li>{@code restarts}: {@code IF(RATE(m1) > 0, RATE(m1) * 300, 0)} — restarts per 5 minutes — with m1 =
 *       {@code pod_number_of_container_restarts} (Maximum) from {@code ContainerInsights}, dimensions
 *       {@code ClusterName=${cluster}}, {@code Namespace=${namespace}}, {@code PodName=${service}}.
 *   <li>{@code memory_vs_limit}: {@code m1 / 100}, m1 = {@code pod_memory_utilization_over_pod_limit} (Average),
 *       same Container Insights dimensions.
 *   <li>{@code cpu_throttling}: {@code m1 / 100}, m1 = {@code pod_cpu_utilization_over_pod_limit} (Average): CPU
 *       use against the limit, the nearest Container Insights has to throttling (near 1 means throttled).
 * </ul>
 *
 * {@code hpa_current_vs_max}, {@code volume_free} and {@code cert_expiry} have no default.
 */
public final class CloudWatchDefaults {
    private static final String INSIGHTS = "ContainerInsights";
    private static final Map<String, String> POD =
            Map.of("ClusterName", "${cluster}", "Namespace", "${namespace}", "PodName", "${service}");
    private static final String REQUESTS = "SUM(" + targetGroup("RequestCount", "Sum") + ")";
    private static final String ERRORS = "SUM(" + targetGroup("HTTPCode_Target_5XX_Count", "Sum") + ")";

    /** The Logs Insights query for error lines when configuration names none. */
    public static final String ERROR_QUERY = "fields @timestamp, @message, @logStream, log, kubernetes.pod_name,"
            + " kubernetes.container_name"
            + " | filter @message like /(?i)(error|exception|fail|refused|timeout|5\\d\\d)/"
            + " | sort @timestamp desc | limit 500";

    private CloudWatchDefaults() {}

    public static Map<SignalName, SignalDefinition> signals() {
        Map<SignalName, SignalDefinition> signals = new EnumMap<>(SignalName.class);
        signals.put(
                SignalName.ERROR_RATIO,
                SignalDefinition.math("IF(" + REQUESTS + " > 0, FILL(" + ERRORS + ", 0) / " + REQUESTS + ", 0)"));
        signals.put(SignalName.REQUEST_RATE, SignalDefinition.math(REQUESTS + " / 60"));
        signals.put(
                SignalName.LATENCY_P99, SignalDefinition.math("MAX(" + targetGroup("TargetResponseTime", "p99") + ")"));
        signals.put(
                SignalName.RESTARTS,
                SignalDefinition.math(
                        "IF(RATE(m1) > 0, RATE(m1) * 300, 0)", pod("pod_number_of_container_restarts", "Maximum")));
        signals.put(
                SignalName.MEMORY_VS_LIMIT,
                SignalDefinition.math("m1 / 100", pod("pod_memory_utilization_over_pod_limit", "Average")));
        signals.put(
                SignalName.CPU_THROTTLING,
                SignalDefinition.math("m1 / 100", pod("pod_cpu_utilization_over_pod_limit", "Average")));
        return signals;
    }

    /** The metric of the configured target group, whichever load balancer it hangs off. */
    private static String targetGroup(String metric, String stat) {
        return "SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName=\"" + metric
                + "\" TargetGroup=\"${targetGroup}\"', '" + stat + "', 60)";
    }

    private static MetricInput pod(String metric, String stat) {
        return new MetricInput(INSIGHTS, metric, POD, stat);
    }
}
