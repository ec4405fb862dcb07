package dev.opsbot.db.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Appends submitted items in batches, one batch at a time, each caller returning once the batch holding its item
 * is written (or throwing what failed it). A transaction per item costs a commit each; while one batch commits the
 * next fills up, so under load a commit carries as many items as callers were waiting.
 *
 * <p>One writer thread drains the queue, started by the submit that finds none running and ending when the queue
 * is empty, so an idle log holds no thread and needs no closing. Callers wait for their own item only: a caller
 * whose item was written returns without queueing for anything, and the writer goes straight on to the next batch.
 * (Callers taking turns as the writer under a lock was tried first: each done caller then had to take the lock to
 * learn it was done, and with 32 callers those hand-offs, not the database, set the pace.)
 *
 * <p>A failed batch of several is written again item by item when the failure may be the fault of one of them (a
 * value the database refuses), so that one bad item fails only its own caller; a failure that is no item's fault
 * ({@code sharedFailure}: the database is down) fails the whole batch at once, without a retry per item.
 *
 * @param <T> what is appended
 */
final class GroupCommit<T> {
    private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Consumer<List<T>> writeBatch;
    private final Predicate<RuntimeException> sharedFailure;
    private final int maxBatch;
    private final String writerName;

    /**
     * @param writeBatch writes the items durably, in order, or throws
     * @param sharedFailure {@code true} for a failure that retrying item by item cannot avoid
     * @param maxBatch the most items in one batch
     * @param writerName the writer thread's name, for thread dumps
     */
    GroupCommit(
            Consumer<List<T>> writeBatch, Predicate<RuntimeException> sharedFailure, int maxBatch, String writerName) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one item, was " + maxBatch);
        }
        this.writeBatch = Objects.requireNonNull(writeBatch, "writeBatch");
        this.sharedFailure = Objects.requireNonNull(sharedFailure, "sharedFailure");
        this.maxBatch = maxBatch;
        this.writerName = writerName;
    }

    /**
     * Returns once {@code item} is written; throws what failed its batch. Waits uninterruptibly: the item is in a
     * batch that may already be committing, so returning early would report nothing about an item that may well be
     * stored. An interrupt is kept for the caller to see afterwards.
     */
    void submit(T item) {
        Pending<T> mine = new Pending<>(item);
        queue.add(mine);
        if (writing.compareAndSet(false, true)) {
            startWriter();
        }
        try {
            mine.outcome.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    private void startWriter() {
        try {
            Thread.ofPlatform().daemon().name(writerName).start(this::writeWhileQueued);
        } catch (RuntimeException | Error e) {
            // no thread: let the next submit try again, and fail what is queued rather than leave it waiting
            writing.set(false);
            for (Pending<T> pending; (pending = queue.poll()) != null; ) {
                pending.outcome.completeExceptionally(e);
            }
        }
    }

    private void writeWhileQueued() {
        while (true) {
            List<Pending<T>> batch = drain();
            if (batch.isEmpty()) {
                writing.set(false);
                // a submit that came after the drain saw a writer running and started none: its item is ours
                if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            write(batch);
        }
    }

    private List<Pending<T>> drain() {
        List<Pending<T>> batch = new ArrayList<>(Math.min(maxBatch, 64));
        Pending<T> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** Never throws: every item's caller learns its outcome, and the writer lives on for the next batch. */
    private void write(List<Pending<T>> batch) {
        try {
            writeBatch.accept(batch.stream().map(Pending::item).toList());
            batch.forEach(pending -> pending.outcome.complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || sharedFailure.test(e)) {
                batch.forEach(pending -> pending.outcome.completeExceptionally(e));
            } else {
                batch.forEach(this::writeAlone);
            }
        } catch (Error e) {
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
        }
    }

    private void writeAlone(Pending<T> pending) {
        try {
            writeBatch.accept(List.of(pending.item()));
            pending.outcome.complete(null);
        } catch (RuntimeException | Error e) {
            pending.outcome.completeExceptionally(e);
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }

    /** An item and what became of it. */
    private record Pending<T>(T item, CompletableFuture<Void> outcome) {
        Pending(T item) {
            this(item, new CompletableFuture<>());
        }
    }
}
