/**
 * Action tools: the writes opsbot can make once a person has approved a proposal — Kubernetes rollback to a
 * revision, rollout restart and scale here, Argo CD sync and rollback beside the Argo CD client. Every action tool
 * is an {@link dev.opsbot.tools.actions.ActionTool}: besides the tool SPI it turns a proposal's target and parameters
 * into its arguments and declares exactly the requests a call will make, so the action runner can bind an
 * {@link dev.opsbot.core.policy.ApprovedAction} covering those and nothing else. They act as the write principal the
 * runner puts in the {@link dev.opsbot.core.tool.ToolContext}, never with the bot's own rights.
 */
package dev.opsbot.tools.actions;
