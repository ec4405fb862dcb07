package dev.opsbot.app;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The dispatcher's workers: a virtual thread per event, at most {@code limit} handling at once. Submitting never
 * blocks (the platform's acknowledgement must not wait); excess work waits for a permit on its own virtual thread,
 * so a burst queues in memory instead of exhausting the database pool.
 */
final class BoundedWorkers extends AbstractExecutorService {
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dispatch-", 0).factory());
    private final Semaphore permits;

    BoundedWorkers(int limit) {
        this.permits = new Semaphore(limit, true);
    }

    @Override
    public void execute(Runnable command) {
        threads.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: the event stays in the ledger for recovery
            }
            try {
                command.run();
            } finally {
                permits.release();
            }
        });
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
