package dev.opsbot.bench;

import static dev.opsbot.db.generated.Tables.AUDIT_EVENT;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.HashChain;
import dev.opsbot.db.Database;
import dev.opsbot.db.audit.JooqAuditLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;

/**
 * {@code audit verify} of a big log: fills a fresh database with {@code --events} (1,000,000) chained records as
 * fast as it can (the chain computed here, multi-row inserts through jOOQ, as a log of that size would have been
 * written over months), opens a new pool on it, then times {@link JooqAuditLog#verify()} {@code --runs} (3) times,
 * each required to find the log intact with every event. Last, one record near the end is changed with a plain SQL
 * {@code UPDATE}, and verify must name it.
 */
public final class AuditChainVerify {
    private static final String USAGE = """
            usage: AuditChainVerify [--events 1000000] [--insert-batch 1000] [--runs 3] [--target 20s]
                                    [--database-url URL [--database-user U] [--database-password P]] [--keep]
              Fills the log with --events chained records, --insert-batch per INSERT, then verifies it --runs times.
              Target: every verify < --target. Exit 0 when met and every verify was right, else 1. Peak heap is
              printed: verify streams, so it stays small whatever the log's size (try BENCH_JVM_OPTS=-Xmx128m).
            """ + AuditChainDatabase.USAGE;

    private AuditChainVerify() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Set<String> options = new HashSet<>(Set.of("events", "insert-batch", "runs", "target"));
        options.addAll(AuditChainDatabase.OPTIONS);
        Args args = Args.parse(argv, options, Set.of("keep"), USAGE);
        int events = args.integer("events", 1_000_000, 1, 100_000_000);
        int batch = args.integer("insert-batch", 1_000, 1, 4_000);
        int runs = args.integer("runs", 3, 1, 100);
        Duration target = args.duration("target", Duration.ofSeconds(20), Duration.ofHours(1));

        System.out.println("AuditChainVerify: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        List<String> failures = new ArrayList<>();
        try (AuditChainDatabase db = AuditChainDatabase.open(args, 2)) {
            System.out.println("  database: " + db.describe());
            String head = fill(db.database().dsl(), events, batch);
            Database database = db.reopen();

            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                CpuMeter cpu = CpuMeter.start();
                long started = System.nanoTime();
                ChainCheck check = new JooqAuditLog(database).verify();
                double took = (System.nanoTime() - started) / 1e9;
                seconds.add(took);
                System.out.printf(
                        Locale.ROOT,
                        "verify %d: %.2f s (%.0f records/s), peak heap %d MiB; %s%n  %s%n",
                        run,
                        took,
                        events / took,
                        peakHeapMiB(),
                        cpu.report(),
                        check.describe());
                if (!check.equals(new ChainCheck.Intact(events, 0, events, head))) {
                    failures.add("verify " + run + " should find " + events + " events ending in " + head + ": "
                            + check.describe());
                }
            }

            long tampered = Math.max(1, events - 10);
            database.dsl()
                    .execute("UPDATE audit_event SET event = REPLACE(event, 'person', 'someone') WHERE seq = "
                            + tampered);
            long started = System.nanoTime();
            ChainCheck check = new JooqAuditLog(database).verify();
            System.out.printf(
                    Locale.ROOT,
                    "after an UPDATE of record %d: %.2f s: %s%n",
                    tampered,
                    (System.nanoTime() - started) / 1e9,
                    check.describe());
            if (!(check instanceof ChainCheck.Broken broken) || broken.seq() != tampered) {
                failures.add("verify should name record " + tampered + " after its UPDATE: " + check.describe());
            }

            double worst =
                    seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double best =
                    seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            boolean met = worst < target.toMillis() / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT audit verify %s: %d events in %.2f s (best %.2f s of %d; target < %d s): %s%n",
                    db.name(),
                    events,
                    worst,
                    best,
                    runs,
                    target.toSeconds(),
                    met ? "met" : "MISSED");
            failures.forEach(failure -> System.out.println("FAILED: " + failure));
            return failures.isEmpty() && met ? 0 : 1;
        }
    }

    /** Appends {@code events} chained records; returns the last hash. */
    private static String fill(DSLContext sql, int events, int batch) {
        long started = System.nanoTime();
        String prev = HashChain.GENESIS;
        long seq = 0;
        long characters = 0;
        while (seq < events) {
            InsertValuesStep7<?, Long, Instant, String, String, String, String, String> insert = sql.insertInto(
                    AUDIT_EVENT,
                    AUDIT_EVENT.SEQ,
                    AUDIT_EVENT.AT,
                    AUDIT_EVENT.KIND,
                    AUDIT_EVENT.ACTOR,
                    AUDIT_EVENT.EVENT,
                    AUDIT_EVENT.PREV_HASH,
                    AUDIT_EVENT.HASH);
            for (int i = 0; i < batch && seq < events; i++) {
                AuditEvent event = AuditChainEvents.number(seq);
                String json = CanonicalJson.of(event);
                String hash = HashChain.next(prev, json);
                insert = insert.values(++seq, event.at(), event.kind(), event.actor(), json, prev, hash);
                prev = hash;
                characters += json.length();
            }
            insert.execute();
            if (seq % 100_000 == 0 || seq == events) {
                double took = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "  filled %,d records in %.1f s (%.0f/s)%n", seq, took, seq / took);
            }
        }
        System.out.printf(Locale.ROOT, "  mean event %.0f characters of canonical JSON%n", (double) characters / seq);
        return prev;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound, the pools peak at different times. */
    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}
