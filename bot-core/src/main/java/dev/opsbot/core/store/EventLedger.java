package dev.opsbot.core.store;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of inbound platform events: the basis of exactly-once handling across replicas.
 *
 * <p>An event is {@linkplain #record recorded} once (the first replica to record it owns it, with a lease),
 * then {@linkplain #complete completed}. An event whose owner's lease ran out before completion (the replica
 * crashed or was stopped) is {@linkplain #reclaimExpired reclaimed} by exactly one other replica.
 */
public interface EventLedger {
    /**
     * How long a completed event is kept: far past any platform's retries (Slack's last comes after 5 minutes, the
     * Bot Connector's within minutes), so a duplicate is still recognised; long enough to look into an incident's
     * traffic afterwards; short enough that the table, whose rows hold whole payloads, does not grow for ever.
     */
    java.time.Duration RETENTION = java.time.Duration.ofDays(7);

    /**
     * Records the first sighting of an event, owned by {@code owner} until {@code leaseUntil}.
     *
     * @return {@code false} when this platform's event id was recorded before, by this or any replica
     */
    boolean record(InboundEvent event, String owner, Instant leaseUntil);

    /** Marks an event handled; it is never handed out again. */
    void complete(String platform, String eventId, Instant completedAt);

    /**
     * Takes over up to {@code limit} unfinished events whose lease ended before {@code now}. Each is handed to
     * exactly one caller even when several replicas reclaim at once.
     */
    List<InboundEvent> reclaimExpired(String owner, Instant now, Instant newLeaseUntil, int limit);

    /** Gives up this owner's unfinished events at once (graceful shutdown), so another replica need not wait. */
    int release(String owner, Instant now);

    /** Events recorded but not completed. */
    long countPending();

    /**
     * Deletes the events completed before {@code before}; unfinished ones stay, however old. An event deleted this
     * way would be recorded as new if it were delivered again, so {@code before} must be far behind any retry
     * ({@link #RETENTION}).
     *
     * @return how many were deleted
     */
    int forgetCompletedBefore(Instant before);

    /** {@code true} when the event was recorded and completed. */
    boolean isCompleted(String platform, String eventId);
}
