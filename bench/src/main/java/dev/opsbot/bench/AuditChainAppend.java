package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Latencies;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.db.audit.JooqAuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Audit append throughput with the hash chain: {@code --threads} (8) platform threads call
 * {@link JooqAuditLog#record} in a loop, as many request threads of one replica would, each call returning only once
 * its event is committed. A warm-up, then the measured phase; then the whole log must verify, holding every event.
 */
public final class AuditChainAppend {
    private static final String USAGE = """
            usage: AuditChainAppend [--threads 8] [--warmup 5s] [--duration 20s] [--max-batch 256] [--target 2000]
                                    [--database-url URL [--database-user U] [--database-password P]] [--keep]
              --threads threads each record events one after another for --warmup, then for --duration (measured).
              --max-batch is the most events one transaction appends (1: a transaction per event, no group commit).
              Target: events/s >= --target. Exit 0 when met and the log verifies intact with every event, else 1.
            """ + AuditChainDatabase.USAGE;

    private AuditChainAppend() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Set<String> options = new java.util.HashSet<>(Set.of("threads", "warmup", "duration", "max-batch", "target"));
        options.addAll(AuditChainDatabase.OPTIONS);
        Args args = Args.parse(argv, options, Set.of("keep"), USAGE);
        int threads = args.integer("threads", 8, 1, 512);
        Duration warmup = args.duration("warmup", Duration.ofSeconds(5), Duration.ofMinutes(10));
        Duration duration = args.duration("duration", Duration.ofSeconds(20), Duration.ofMinutes(30));
        int maxBatch = args.integer("max-batch", JooqAuditLog.MAX_BATCH, 1, 100_000);
        int target = args.integer("target", 2_000, 0, 10_000_000);

        System.out.println("AuditChainAppend: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        try (AuditChainDatabase db = AuditChainDatabase.open(args, threads + 2)) {
            System.out.println("  database: " + db.describe());
            JooqAuditLog audit = new JooqAuditLog(db.database(), maxBatch);
            AtomicLong next = new AtomicLong();
            Phase warm = Phase.run(audit, next, threads, warmup);
            System.out.printf(Locale.ROOT, "warm-up   %s%n", warm.summary());
            CpuMeter cpu = CpuMeter.start();
            Phase measured = Phase.run(audit, next, threads, duration);
            String cpuReport = cpu.report();
            System.out.printf(Locale.ROOT, "measured  %s%n", measured.summary());
            System.out.println("  latency of record(): " + Latencies.format(measured.latencyMicros()));
            System.out.println("  " + cpuReport);

            long started = System.nanoTime();
            ChainCheck check = audit.verify();
            double verifySeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "verify    %.2f s: %s%n", verifySeconds, check.describe());

            List<String> failures = new ArrayList<>();
            long recorded = warm.events() + measured.events();
            if (!(check instanceof ChainCheck.Intact intact) || intact.events() != recorded) {
                failures.add("the log should verify intact with " + recorded + " events: " + check.describe());
            }
            failures.addAll(warm.failures());
            failures.addAll(measured.failures());
            double rate = measured.perSecond();
            boolean met = rate >= target;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT audit append %s: %.0f events/s with %d threads, max batch %d (target >= %d): %s%n",
                    db.name(),
                    rate,
                    threads,
                    maxBatch,
                    target,
                    met ? "met" : "MISSED");
            failures.forEach(failure -> System.out.println("FAILED: " + failure));
            return failures.isEmpty() && met ? 0 : 1;
        }
    }

    /** One phase: every thread records until the deadline. */
    private record Phase(long events, double seconds, Histogram latencyMicros, List<String> failures) {
        static Phase run(JooqAuditLog audit, AtomicLong next, int threads, Duration length)
                throws InterruptedException {
            Histogram latencies = new Histogram(60_000_000L, 3);
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicLong events = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("recorder-" + t).start(() -> {
                    Histogram mine = new Histogram(60_000_000L, 3);
                    while (System.nanoTime() < deadline) {
                        long before = System.nanoTime();
                        try {
                            audit.record(AuditChainEvents.number(next.getAndIncrement()));
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                            return;
                        }
                        mine.recordValue(Math.min((System.nanoTime() - before) / 1_000, 60_000_000L));
                        events.incrementAndGet();
                    }
                    synchronized (latencies) {
                        latencies.add(mine);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Phase(events.get(), seconds, latencies, failures);
        }

        double perSecond() {
            return events / seconds;
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d events in %.2f s: %.0f events/s%s",
                    events,
                    seconds,
                    perSecond(),
                    failures.isEmpty() ? "" : ", " + failures.size() + " failed");
        }
    }
}
