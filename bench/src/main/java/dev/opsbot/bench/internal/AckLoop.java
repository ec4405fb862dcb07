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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@link OpenLoop} for endpoints that only acknowledge: {@code count} requests spread evenly over {@code duration}
 * whatever the server does, each timed from its <em>scheduled</em> send to the complete response (no coordinated
 * omission), and an answer with {@code expectedStatus} counts as an ack. Which requests were acked is kept by index,
 * so the caller can check afterwards what became of each. Requests the caller {@code marks} (e.g. retries) are also
 * timed into a histogram of their own.
 */
public final class AckLoop {
    private final int count;
    private final Duration duration;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final int expectedStatus;
    private final Duration window = Duration.ofSeconds(5);

    public AckLoop(int count, Duration duration, int maxInFlight, Duration drainTimeout, int expectedStatus) {
        this.count = count;
        this.duration = duration;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.expectedStatus = expectedStatus;
    }

    /**
     * @param fromScheduled every request: scheduled send -> whole response, microseconds
     * @param fromSent every request: actual send -> whole response (what a closed-loop tool would report)
     * @param marked the marked requests only, from scheduled send
     * @param acked per request index: whether it got {@code expectedStatus}
     * @param errors other answers and exceptions, by kind
     * @param windows {@code fromScheduled} per {@code window} of scheduled time
     */
    public record Result(
            Histogram fromScheduled,
            Histogram fromSent,
            Histogram marked,
            boolean[] acked,
            Map<String, Long> errors,
            List<String> errorSamples,
            double sendSeconds,
            long maxSchedulerLagMicros,
            List<Histogram> windows,
            Duration window) {

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public double achievedRate() {
            return sendSeconds > 0 ? acked.length / sendSeconds : 0;
        }
    }

    public Result run(IntFunction<CompletableFuture<HttpResponse<String>>> send, IntPredicate marks)
            throws InterruptedException {
        Histogram fromScheduled = new ConcurrentHistogram(3);
        Histogram fromSent = new ConcurrentHistogram(3);
        Histogram marked = new ConcurrentHistogram(3);
        AtomicIntegerArray acked = new AtomicIntegerArray(count);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Histogram> windows = new ArrayList<>();
        for (long w = 0; w * window.toMillis() < duration.toMillis(); w++) {
            windows.add(new ConcurrentHistogram(3));
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        double intervalNanos = (double) duration.toNanos() / count;
        long maxLag = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long lastSent = start;
        for (int i = 0; i < count; i++) {
            long scheduled = start + (long) (i * intervalNanos);
            parkUntil(scheduled);
            inFlight.acquire();
            long sent = System.nanoTime();
            lastSent = sent;
            maxLag = Math.max(maxLag, sent - scheduled);
            int index = i;
            boolean isMarked = marks.test(i);
            int w = (int) Math.min(windows.size() - 1, (long) (i * intervalNanos) / window.toNanos());
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
                windows.get(w).recordValue(micros);
                fromSent.recordValue(TimeUnit.NANOSECONDS.toMicros(done - sent));
                if (isMarked) {
                    marked.recordValue(micros);
                }
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    count(errors, samples, cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
                } else if (response.statusCode() != expectedStatus) {
                    count(errors, samples, "HTTP " + response.statusCode(), response.body());
                } else {
                    acked.set(index, 1);
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
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, n) -> errorCounts.put(kind, n.sum()));
        boolean[] ackedByIndex = new boolean[count];
        for (int i = 0; i < count; i++) {
            ackedByIndex[i] = acked.get(i) == 1;
        }
        return new Result(
                fromScheduled,
                fromSent,
                marked,
                ackedByIndex,
                errorCounts,
                List.copyOf(samples),
                (lastSent - start) / 1e9 + intervalNanos / 1e9,
                TimeUnit.NANOSECONDS.toMicros(maxLag),
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
