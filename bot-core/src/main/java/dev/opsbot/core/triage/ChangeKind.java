package dev.opsbot.core.triage;

/** What sort of change a {@link ChangeEvent} is. */
public enum ChangeKind {
    /** A new revision of a workload's pod template (image, resources, env, probes, ...). */
    ROLLOUT,
    /** A ConfigMap's data changed. */
    CONFIG_CHANGE,
    /** A Secret was created, changed or deleted (contents never read). */
    SECRET_CHANGE,
    /** Replica count changed (by a person or an HPA). */
    SCALE,
    /** A NetworkPolicy was created or changed. */
    NETWORK_POLICY,
    /** An Argo CD sync. */
    SYNC,
    /** A CI run (GitHub Actions) or a deployment record. */
    CI_RUN
}
