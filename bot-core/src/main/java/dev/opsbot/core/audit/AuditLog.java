package dev.opsbot.core.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where audit events go: append-only, in the database, shared by replicas, and hash-chained: each record holds the
 * hash of the one before it, so that a record changed, deleted, inserted or moved afterwards shows ({@link
 * #verify()}; docs/audit.md). Recording must not fail silently: a credential that cannot be recorded is not handed
 * out (callers record before they return credentials).
 *
 * <p>{@link #scan} and {@link #verify} have defaults so that a fake that only collects events (a test's) still
 * compiles; every log that stores a chain overrides {@code scan}.
 */
public interface AuditLog {
    /** Appends the event to the chain; returns once it is durable. */
    void record(AuditEvent event);

    /** Events recorded at or after {@code since}, oldest first, at most {@code limit}. */
    List<AuditEntry> since(Instant since, int limit);

    /**
     * Hands every record numbered {@code fromSeq} or higher to {@code sink}, in order, as storage holds it (also
     * what does not read as an event). Reads in pieces: never the whole log at once.
     */
    default void scan(long fromSeq, Consumer<? super AuditRecord> sink) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no hash chain to scan");
    }

    /** Like {@link #scan}, from the first record, keeping those whose event happened at or after {@code since}. */
    default void scanSince(Instant since, Consumer<? super AuditRecord> sink) {
        scan(1, record -> {
            if (!record.at().isBefore(since)) {
                sink.accept(record);
            }
        });
    }

    /** Checks the whole chain, streaming; the first broken record, or that it is intact and its last hash. */
    default ChainCheck verify() {
        return verify(List.of());
    }

    /** {@link #verify()}, and that the chain still passes through hashes kept elsewhere. */
    default ChainCheck verify(Collection<ChainAnchor> anchors) {
        ChainVerifier verifier = new ChainVerifier(0, anchors);
        scan(1, verifier);
        return verifier.result();
    }
}
