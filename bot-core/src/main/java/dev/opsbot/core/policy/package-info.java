/**
 * Guardrails: deterministic rules deciding Allow, Deny or RequireApproval for anything opsbot is about to do, and the
 * approval an executing proposal carries down to the transport. The same decision is asked for by the tool layer and
 * by interceptors on every Kubernetes and AWS client, so a rogue or buggy tool is stopped whatever it calls.
 */
package dev.opsbot.core.policy;
