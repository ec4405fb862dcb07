/**
 * Kubernetes as a source of evidence and as read tools, always as the person asking.
 *
 * <p>{@link dev.opsbot.tools.kubernetes.KubernetesAccess} holds one fabric8 client with the bot's credentials and
 * gives per person a view that impersonates them (user and groups), bounded by the caller's deadline, with fabric8's
 * errors translated into {@link dev.opsbot.core.tool.SourceFailure}s that name the missing permission ("this
 * identity lacks permission list pods in namespace shop"). {@link dev.opsbot.tools.kubernetes.KubernetesTools} lists
 * the read tools ({@code kubernetes.list_pods}, {@code kubernetes.rollout_history}, ...);
 * {@link dev.opsbot.tools.kubernetes.KubernetesEvidence} is the triage {@link dev.opsbot.core.triage.EvidenceSource}.
 * Rendering, diffing and the findings rules live in {@code internal}.
 */
package dev.opsbot.tools.kubernetes;
