/**
 * The Kubernetes package's machinery, public only so that the package above can use it: rollout history as field
 * diffs between ReplicaSet revisions, compact rendering (probes, quantities, selectors, network policies), event
 * merging, and the rules that turn a {@link dev.opsbot.tools.kubernetes.internal.Snapshot} of one workload into
 * changes, findings and checks. No class here talks to the API server.
 */
package dev.opsbot.tools.kubernetes.internal;
