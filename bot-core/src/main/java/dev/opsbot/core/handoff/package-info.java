/**
 * The shift handoff: what a channel's shift leaves the next one. {@link dev.opsbot.core.handoff.HandoffBuilder}
 * reads the stores (threads, verdicts, proposals and votes, team memory, the audit log) into a deterministic
 * {@link dev.opsbot.core.handoff.HandoffReport}: each thread with its question, verdict and status, the actions
 * executed, waiting (those about to expire flagged) and rejected with the people who asked and decided, new
 * memories, open questions and things to watch. {@link dev.opsbot.core.handoff.HandoffRenderer} makes it a chat
 * message; a {@link dev.opsbot.core.handoff.HandoffNarrator} ({@link dev.opsbot.core.handoff.ModelNarrator} when a
 * model is configured) may add a few sentences on top, and its failure never costs the handoff.
 * {@link dev.opsbot.core.handoff.Handoffs} puts the three together for both {@code @opsbot handoff [since]}
 * ({@code conversation.HandoffHandler}) and the scheduled handoff of each channel, whose runs are leased under
 * {@link dev.opsbot.core.handoff.HandoffJobs#key}.
 */
package dev.opsbot.core.handoff;
