package dev.opsbot.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform event as the ledger keeps it: the platform's id for it and its serialized form, so an event accepted
 * by a replica that then died can be handled by another.
 */
public record InboundEvent(String platform, String eventId, Instant receivedAt, String payload) {
    public InboundEvent {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
