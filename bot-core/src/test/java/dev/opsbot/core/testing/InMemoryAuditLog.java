package dev.opsbot.core.testing;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditLog} in a list, for tests; {@link #events()} in recording order. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        entries.add(new AuditEntry(entries.size() + 1L, event));
    }

    @Override
    public synchronized List<AuditEntry> since(Instant since, int limit) {
        return entries.stream()
                .filter(entry -> !entry.event().at().isBefore(since))
                .limit(limit)
                .toList();
    }

    public synchronized List<AuditEvent> events() {
        return entries.stream().map(AuditEntry::event).toList();
    }

    public synchronized <T extends AuditEvent> List<T> events(Class<T> type) {
        return entries.stream()
                .map(AuditEntry::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
