package dev.opsbot.core.triage;

/** The facts sources report. Rules match on these; {@link Finding#attributes()} carry the specifics. */
public enum FindingKind {
    /** A container was OOMKilled (attributes: container, restarts, limit). */
    OOM_KILLED,
    /** A container is in CrashLoopBackOff or terminated with an error (attributes: container, reason, exitCode). */
    CRASH_LOOP,
    /** An image cannot be pulled (attributes: container, image, reason). */
    IMAGE_PULL_FAILURE,
    /** A container cannot be created because a ConfigMap/Secret/key is missing (attributes: kind, object). */
    MISSING_CONFIG_OBJECT,
    /** Liveness/readiness/startup probe failures (attributes: probe, count, message). */
    PROBE_FAILURE,
    /** A pod cannot be scheduled (attributes: reason, message). */
    UNSCHEDULABLE,
    /** A pod was evicted (attributes: reason, node). */
    EVICTED,
    /** A node condition is bad: MemoryPressure, DiskPressure, PIDPressure, or not Ready (attributes: condition). */
    NODE_CONDITION,
    /** A Service has no ready endpoints (attributes: service, notReady). */
    NO_ENDPOINTS,
    /** An HPA is at its maximum and wants more (attributes: current, max, desired). */
    HPA_AT_MAX,
    /** An HPA cannot compute its metrics (attributes: reason). */
    HPA_FAILING,
    /** A volume is (almost) full (attributes: pvc, freeRatio). */
    VOLUME_FULL,
    /** A certificate has expired or is about to (attributes: certificate, expiresAt). */
    CERT_EXPIRING,
    /** A container spends much of its time CPU-throttled (attributes: container, ratio). */
    CPU_THROTTLED,
    /** A container's memory working set is near its limit (attributes: container, ratio). */
    MEMORY_NEAR_LIMIT,
    /** A volume could not be mounted (attributes: volume, message). */
    MOUNT_FAILURE
}
