package dev.opsbot.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit log as storage holds it, whatever it holds: what verification and export read. Unlike
 * {@link AuditEntry} the event stays the text that was hashed, so checking it never depends on how this version
 * of opsbot would write the event again.
 *
 * @param seq the position in the log; the chain runs in this order
 * @param at when the event happened (storage keeps microseconds), copied out of the event
 * @param kind the event's {@code type}, copied out of the event
 * @param actor the event's {@code actor}, copied out of the event
 * @param event the event in canonical JSON ({@link CanonicalJson}), exactly as hashed
 * @param prevHash the hash of the record before, 64 lowercase hex digits; {@code null} on a record written before
 *     the chain existed
 * @param hash {@code SHA-256(prevHash || event)} ({@link HashChain}); {@code null} like {@code prevHash}
 */
public record AuditRecord(long seq, Instant at, String kind, String actor, String event, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(event, "event");
    }

    /** The first record after {@code previous} (or the first of all, when {@code previous} is null). */
    public static AuditRecord chainedAfter(AuditRecord previous, AuditEvent event) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null || previous.hash() == null ? HashChain.GENESIS : previous.hash();
        String json = CanonicalJson.of(event);
        return new AuditRecord(seq, event.at(), event.kind(), event.actor(), json, prev, HashChain.next(prev, json));
    }

    /** Written before the chain existed: neither hash is set. */
    public boolean unchained() {
        return prevHash == null && hash == null;
    }
}
