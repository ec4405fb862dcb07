package dev.opsbot.bench.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed rate whatever the server does (open loop), and measures each from the time it was
 * <em>scheduled</em>, not sent: when the server stalls, the requests that should have gone out meanwhile carry the
 * stall in their latency instead of silently not being sent (coordinated omission). A separate histogram from the
 * actual send time shows what a closed-loop tool would have reported.
 *
 * <p>At most {@code maxInFlight} requests are outstanding; beyond that the scheduler waits, and that wait counts in
 * the latency. The loop sends exactly {@code rate * duration} requests and then stops.
 */
public final class OpenLoop {
    private final int rate;
    private final Duration duration;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final Duration window = Duration.ofSeconds(5);

    public OpenLoop(int rate, Duration duration, int maxInFlight, Duration drainTimeout) {
        this.rate = rate;
        this.duration = duration;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    /** A 202 answer and which request it was. */
    public record Accepted(int index, ConsoleClient.Posted posted) {}

    /**
     * @param fromScheduled latency from scheduled send time to the whole response, in microseconds
     * @param fromSent latency from the actual send, in microseconds (what coordinated omission would show)
     * @param errors non-202 answers and exceptions, by kind
     * @param sendSeconds from the first scheduled send to the last actual send
     * @param maxSchedulerLagMicros how far behind schedule the sender itself ever was
     * @param unfinished requests still outstanding when the drain timed out (counted as errors too)
     * @param unknownOutcome requests that got no HTTP answer (timeouts, resets): stored or not, the client cannot
     *     tell
     * @param windows latency from scheduled send per {@code window} of scheduled time, to see warm-up and stalls
     */
    public record Result(
            Histogram fromScheduled,
            Histogram fromSent,
            List<Accepted> accepted,
            Map<String, Long> errors,
            List<String> errorSamples,
            int scheduled,
            double sendSeconds,
            double wallSeconds,
            long maxSchedulerLagMicros,
            int unfinished,
            int unknownOutcome,
            List<Histogram> windows,
            Duration window) {

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public double achievedRate() {
            return sendSeconds > 0 ? scheduled / sendSeconds : 0;
        }
    }

    public Result run(IntFunction<CompletableFuture<HttpResponse<String>>> send) throws InterruptedException {
        int total = Math.toIntExact(rate * duration.toMillis() / 1000);
        Histogram fromScheduled = new ConcurrentHistogram(3);
        Histogram fromSent = new ConcurrentHistogram(3);
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Histogram> windows = new ArrayList<>();
        for (long w = 0; w * window.toMillis() < duration.toMillis(); w++) {
            windows.add(new ConcurrentHistogram(3));
        }
        LongAdder unknown = new LongAdder();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long maxLag = 0;

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long lastSent = start;
        for (int i = 0; i < total; i++) {
            long scheduled = start + (long) (i * (1e9 / rate));
            parkUntil(scheduled);
            inFlight.acquire();
            long sent = System.nanoTime();
            lastSent = sent;
            maxLag = Math.max(maxLag, sent - scheduled);
            int index = i;
            CompletableFuture<HttpResponse<String>> future;
            try {
                future = send.apply(index);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((response, failure) -> {
                long done = System.nanoTime();
                long micros = TimeUnit.NANOSECONDS.toMicros(done - scheduled);
                fromScheduled.recordValue(micros);
                windows.get((int) Math.min(windows.size() - 1, index * 1000L / rate / window.toMillis()))
                        .recordValue(micros);
                fromSent.recordValue(TimeUnit.NANOSECONDS.toMicros(done - sent));
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    unknown.increment(); // sent but unanswered: the server may have stored it anyway
                    count(errors, samples, cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
                } else if (response.statusCode() != 202) {
                    count(errors, samples, "HTTP " + response.statusCode(), response.body());
                } else {
                    try {
                        accepted.add(new Accepted(index, ConsoleClient.posted(response)));
                    } catch (RuntimeException unreadable) {
                        count(errors, samples, "unreadable 202", unreadable.getMessage());
                    }
                }
                inFlight.release();
            });
        }
        boolean drained = inFlight.tryAcquire(maxInFlight, drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        int unfinished = drained ? 0 : maxInFlight - inFlight.availablePermits();
        if (unfinished > 0) {
            errors.computeIfAbsent("no answer within drain timeout", k -> new LongAdder())
                    .add(unfinished);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, n) -> errorCounts.put(kind, n.sum()));
        List<Accepted> acceptedList = accepted.stream()
                .sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .toList();
        return new Result(
                fromScheduled,
                fromSent,
                acceptedList,
                errorCounts,
                List.copyOf(samples),
                total,
                (lastSent - start) / 1e9 + 1.0 / rate,
                wall,
                TimeUnit.NANOSECONDS.toMicros(maxLag),
                unfinished,
                unknown.intValue(),
                windows,
                window);
    }

    private static void count(
            Map<String, LongAdder> errors, ConcurrentLinkedQueue<String> samples, String kind, String detail) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (samples.size() < 5) {
            samples.add(kind + ": " + (detail.length() > 300 ? detail.substring(0, 300) + "..." : detail));
        }
    }

    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
