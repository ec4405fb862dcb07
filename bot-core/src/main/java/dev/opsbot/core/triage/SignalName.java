package dev.opsbot.core.triage;

/**
 * The named signals every metrics source (Prometheus, CloudWatch, a scenario) answers. Which series mean what is
 * configuration in the source; the names and units here are the contract between sources and triage.
 */
public enum SignalName {
    /** Share of requests answered 5xx, 0..1, per service. */
    ERROR_RATIO("error_ratio", "ratio"),
    /** Requests per second, per service. */
    REQUEST_RATE("request_rate", "req/s"),
    /** 99th percentile latency in seconds, per service. */
    LATENCY_P99("latency_p99", "s"),
    /** Container restarts in the last 5 minutes, per pod. */
    RESTARTS("restarts", "restarts"),
    /** Memory working set divided by the memory limit, per pod and container. */
    MEMORY_VS_LIMIT("memory_vs_limit", "ratio"),
    /** Throttled CFS periods divided by all periods, per pod and container. */
    CPU_THROTTLING("cpu_throttling", "ratio"),
    /** HPA current replicas divided by its maximum, per HPA. */
    HPA_CURRENT_VS_MAX("hpa_current_vs_max", "ratio"),
    /** Free bytes on a volume divided by its capacity, per PVC. */
    VOLUME_FREE("volume_free", "ratio"),
    /** Seconds until a certificate expires (negative when it has), per certificate. */
    CERT_EXPIRY("cert_expiry", "s");

    private final String jsonName;
    private final String unit;

    SignalName(String jsonName, String unit) {
        this.jsonName = jsonName;
        this.unit = unit;
    }

    public String jsonName() {
        return jsonName;
    }

    public String unit() {
        return unit;
    }

    public static SignalName fromJsonName(String name) {
        for (SignalName signal : values()) {
            if (signal.jsonName.equals(name)) {
                return signal;
            }
        }
        throw new IllegalArgumentException("unknown signal '" + name + "'");
    }
}
