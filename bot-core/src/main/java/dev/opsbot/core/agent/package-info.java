/**
 * The model as an advisor: an agent loop over LangChain4j's provider-neutral {@code ChatModel} that reasons over
 * triage's redacted evidence, may call READ tools as the person who asked (same tools, same identity, same
 * guardrails), and ends with an answer and zero or more proposed fixes. It can never act: write tools are never
 * offered to it, and what it proposes goes through the approval flow like any other proposal.
 *
 * <p>Everything that reaches the model is data it must not obey: tool output, evidence, the thread and team
 * memory are passed as labelled, quoted blocks ({@link dev.opsbot.core.agent.UntrustedData}), and everything is
 * redacted before it leaves ({@link dev.opsbot.core.redaction.Vault}).
 */
package dev.opsbot.core.agent;
