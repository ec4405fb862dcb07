/**
 * Guardrails: deterministic rules deciding Allow, Deny or RequireApproval for anything opsbot is about to do, and the
 * approval an executing proposal carries down to the transport. The same decision is asked for by the tool layer and
 * by interceptors on every Kubernetes and AWS client, so a rogue or buggy tool is stopped whatever it calls.
 *
 * <p>A {@link dev.opsbot.core.policy.PolicyEngine} tries its rules in order, first match wins: the
 * {@link dev.opsbot.core.policy.DefaultRules#guardrails() guardrails}, the configured rules, the
 * {@link dev.opsbot.core.policy.DefaultRules#baseline() baseline}, then refuses. A rule is data: a name, an effect, a
 * reason and, per {@link dev.opsbot.core.policy.PolicyField field}, a list of {@link dev.opsbot.core.policy.Glob}s.
 * {@link dev.opsbot.core.policy.TransportGuard} applies a decision to a request about to be sent, records refusals and
 * throws {@link dev.opsbot.core.policy.PolicyViolation}. See docs/guardrails.md.
 */
package dev.opsbot.core.policy;
