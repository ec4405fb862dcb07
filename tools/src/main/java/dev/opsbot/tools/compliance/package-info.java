/**
 * Compliance as the acting person: {@code compliance.config_rules} reads AWS Config rule compliance and the
 * non-compliant resources through the person's STS session ({@link dev.opsbot.core.tool.ToolContext#cloud()}, every
 * call passing the {@link dev.opsbot.tools.guard.AwsGuard}); {@code compliance.pod_security} checks a namespace's pods
 * against the Kubernetes Pod Security Standards (baseline, restricted) through
 * {@link dev.opsbot.tools.kubernetes.KubernetesAccess}, impersonating the person.
 */
package dev.opsbot.tools.compliance;
