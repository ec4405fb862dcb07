package dev.opsbot.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * Where audit events go: append-only, in the database, shared by replicas. Recording must not fail silently: a
 * credential that cannot be recorded is not handed out (callers record before they return credentials).
 */
public interface AuditLog {
    void record(AuditEvent event);

    /** Events recorded at or after {@code since}, oldest first, at most {@code limit}. */
    List<AuditEntry> since(Instant since, int limit);
}
