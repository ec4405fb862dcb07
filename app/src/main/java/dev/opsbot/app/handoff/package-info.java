/**
 * Scheduled shift handoffs (docs/handoff.md): {@link dev.opsbot.app.handoff.Cron} reads a channel's five-field
 * schedule, {@link dev.opsbot.app.handoff.Rotation} says who takes over, and
 * {@link dev.opsbot.app.handoff.HandoffScheduler}, run by every replica, posts each due handoff once across replicas
 * through a lease in the database. {@link dev.opsbot.app.handoff.ConfiguredHandoffs} wires it all from
 * {@code handoff:}.
 */
package dev.opsbot.app.handoff;
