package dev.opsbot.bench.jmh;

import dev.opsbot.bench.AuditChainEvents;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainVerifier;
import dev.opsbot.core.audit.HashChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit chain's CPU cost per event, without a database: the canonical JSON a caller computes before its event
 * joins a batch, the SHA-256 the writer computes under the append lock, and what verify spends on one record. Ten
 * events of {@code AuditChainEvents}' mix, so each figure is per 10 events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuditChainBenchmark {
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<String> canonical = new ArrayList<>();
    private final List<AuditRecord> records = new ArrayList<>();

    @Setup
    public void tenEvents() {
        AuditRecord previous = null;
        for (int i = 0; i < 10; i++) {
            AuditEvent event = AuditChainEvents.number(i);
            events.add(event);
            canonical.add(CanonicalJson.of(event));
            previous = AuditRecord.chainedAfter(previous, event);
            records.add(previous);
        }
    }

    @Benchmark
    public int canonicalJson() {
        int length = 0;
        for (AuditEvent event : events) {
            length += CanonicalJson.of(event).length();
        }
        return length;
    }

    @Benchmark
    public String hash() {
        String prev = HashChain.GENESIS;
        for (String json : canonical) {
            prev = HashChain.next(prev, json);
        }
        return prev;
    }

    @Benchmark
    public Object verify() {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier);
        return verifier.result();
    }
}
