/**
 * The approval flow's edges in the application: {@link dev.opsbot.app.approval.ToolActionRunner} runs an approved
 * proposal's action tool as the write principal, inside an {@link dev.opsbot.core.policy.ApprovedAction} covering
 * exactly the requests the tool declares; {@link dev.opsbot.app.approval.RecoveryVerifier} then watches the rollout
 * and the symptom's signal until they recover or the configured window ends, and says what it saw.
 */
package dev.opsbot.app.approval;
