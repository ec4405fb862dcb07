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

    /** {@code true} when the event was recorded and completed. */
    boolean isCompleted(String platform, String eventId);
}
