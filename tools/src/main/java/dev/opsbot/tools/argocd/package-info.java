/**
 * Argo CD through its REST API (v1) with a bearer token: applications, their sync and health status, and their sync
 * history. {@link dev.opsbot.tools.argocd.ArgoCdEvidence} turns the history of the service's application into
 * {@link dev.opsbot.core.triage.ChangeKind#SYNC} changes and its health into checks; the tools let the agent read
 * the same on demand. The token comes per person from the function given to
 * {@link dev.opsbot.tools.argocd.ArgoCdClient}.
 */
package dev.opsbot.tools.argocd;
