package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.SourceFailure;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Independent reads on virtual threads under one deadline. {@link #await} never waits past the deadline, whatever
 * the HTTP client does; {@link #close} interrupts what is still running instead of waiting for it, which is why
 * this is not a plain try-with-resources executor.
 */
final class Fanout implements AutoCloseable {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final long deadlineNanos;
    private final Duration budget;

    Fanout(Duration budget) {
        this(budget, budget);
    }

    /**
     * @param wait how long {@link #await} may wait in all
     * @param budget what a timeout reports as the time kubernetes had (the caller's budget, of which {@code wait}
     *     may keep a little back)
     */
    Fanout(Duration wait, Duration budget) {
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + wait.toNanos();
    }

    <T> Future<T> submit(Callable<T> read) {
        return executor.submit(read);
    }

    /** The read's result, or its {@link SourceFailure}, or a TIMEOUT failure when the deadline passes first. */
    <T> T await(Future<T> pending) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return pending.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw KubernetesFailures.timeout(budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubernetesFailures.timeout(budget);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SourceFailure failure) {
                throw failure;
            }
            throw KubernetesFailures.transport(e.getCause(), budget);
        }
    }

    Duration budget() {
        return budget;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
