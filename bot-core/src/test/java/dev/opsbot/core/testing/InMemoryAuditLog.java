package dev.opsbot.core.testing;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainAnchor;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.ChainVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An {@link AuditLog} in memory, for tests, chained exactly as the database chains; {@link #events()} in recording
 * order. The tampering methods do to it what someone with write access to the database could do, for the contract
 * suite's tamper tests.
 */
public final class InMemoryAuditLog implements AuditLog {
    private final NavigableMap<Long, Stored> records = new TreeMap<>();
    private long unchainedThrough;

    /** A record and the event it was made from; the event is null when a tampered record no longer reads. */
    private record Stored(AuditRecord record, AuditEvent event) {}

    @Override
    public synchronized void record(AuditEvent event) {
        Map.Entry<Long, Stored> last = records.lastEntry();
        AuditRecord record =
                AuditRecord.chainedAfter(last == null ? null : last.getValue().record(), event);
        records.put(record.seq(), new Stored(record, event));
    }

    @Override
    public synchronized List<AuditEntry> since(Instant since, int limit) {
        return records.values().stream()
                .filter(stored -> !stored.record().at().isBefore(since))
                .limit(Math.max(0, limit))
                .map(stored -> new AuditEntry(stored.record().seq(), readable(stored)))
                .toList();
    }

    @Override
    public void scan(long fromSeq, Consumer<? super AuditRecord> sink) {
        List<AuditRecord> snapshot;
        synchronized (this) {
            snapshot = records.tailMap(fromSeq, true).values().stream()
                    .map(Stored::record)
                    .toList();
        }
        snapshot.forEach(sink);
    }

    @Override
    public ChainCheck verify(Collection<ChainAnchor> anchors) {
        ChainVerifier verifier;
        synchronized (this) {
            verifier = new ChainVerifier(unchainedThrough, anchors);
        }
        scan(1, verifier);
        return verifier.result();
    }

    public synchronized List<AuditEvent> events() {
        return records.values().stream().map(InMemoryAuditLog::readable).toList();
    }

    public synchronized <T extends AuditEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Rewrites a record in place (its number stays), as an {@code UPDATE} would. */
    public synchronized void tamperUpdate(long seq, UnaryOperator<AuditRecord> change) {
        Stored stored = requireRecord(seq);
        AuditRecord changed = change.apply(stored.record());
        if (changed.seq() != seq) {
            throw new IllegalArgumentException("renumber records with tamperRenumber, not tamperUpdate");
        }
        boolean sameEvent = changed.event().equals(stored.record().event());
        records.put(seq, new Stored(changed, sameEvent ? stored.event() : readOrNull(changed.event())));
    }

    /** Gives a record another number, as {@code UPDATE ... SET seq = to} would. */
    public synchronized void tamperRenumber(long from, long to) {
        if (records.containsKey(to)) {
            throw new IllegalArgumentException("record " + to + " exists: the primary key would refuse this");
        }
        Stored stored = requireRecord(from);
        records.remove(from);
        AuditRecord r = stored.record();
        records.put(
                to,
                new Stored(
                        new AuditRecord(to, r.at(), r.kind(), r.actor(), r.event(), r.prevHash(), r.hash()),
                        stored.event()));
    }

    public synchronized void tamperDelete(long seq) {
        requireRecord(seq);
        records.remove(seq);
    }

    /** Puts a record of one's own making into the log. */
    public synchronized void tamperInsert(AuditRecord forged) {
        if (records.containsKey(forged.seq())) {
            throw new IllegalArgumentException("record " + forged.seq() + " exists: the primary key would refuse this");
        }
        records.put(forged.seq(), new Stored(forged, readOrNull(forged.event())));
    }

    /** What the chain's migration found: the records up to {@code seq} were written before the chain existed. */
    public synchronized void writtenBeforeTheChainThrough(long seq) {
        unchainedThrough = seq;
    }

    private Stored requireRecord(long seq) {
        Stored stored = records.get(seq);
        if (stored == null) {
            throw new IllegalArgumentException("no record " + seq + " to tamper with; there are " + records.keySet());
        }
        return stored;
    }

    private static AuditEvent readable(Stored stored) {
        if (stored.event() == null) {
            throw new IllegalStateException(
                    "audit event " + stored.record().seq() + " does not read as this version's AuditEvent");
        }
        return stored.event();
    }

    private static AuditEvent readOrNull(String json) {
        try {
            return CanonicalJson.read(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** For tests that want every record as it is stored. */
    public List<AuditRecord> records() {
        List<AuditRecord> all = new ArrayList<>();
        scan(1, all::add);
        return all;
    }
}
