package dev.opsbot.core.triage;

import com.fasterxml.jackson.annotation.JsonValue;

/** The fixed vocabulary of causes in the triage JSON contract (ARCHITECTURE.md). */
public enum Cause {
    BAD_DEPLOY("bad-deploy"),
    CONFIG_CHANGE("config-change"),
    OOM("oom"),
    CRASHLOOP("crashloop"),
    IMAGE_PULL("image-pull"),
    PROBE_MISCONFIG("probe-misconfig"),
    MISSING_CONFIG_OBJECT("missing-config-object"),
    CAPACITY("capacity"),
    HPA_BROKEN("hpa-broken"),
    CPU_THROTTLING("cpu-throttling"),
    NODE_PRESSURE("node-pressure"),
    DEPENDENCY_FAILURE("dependency-failure"),
    DB_POOL_EXHAUSTED("db-pool-exhausted"),
    RATE_LIMITED("rate-limited"),
    CERT_EXPIRED("cert-expired"),
    DNS_FAILURE("dns-failure"),
    NO_ENDPOINTS("no-endpoints"),
    NETWORK_POLICY("network-policy"),
    DISK_FULL("disk-full"),
    UNSCHEDULABLE("unschedulable"),
    HEALTHY("healthy"),
    UNKNOWN("unknown");

    private final String jsonName;

    Cause(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public static Cause fromJsonName(String name) {
        for (Cause cause : values()) {
            if (cause.jsonName.equals(name)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("unknown cause '" + name + "'");
    }
}
