package dev.opsbot.db.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    // a thread per caller: the common pool has one thread on a two-core machine and would run them one by one
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void itemsSubmittedWhileABatchIsWrittenGoTogetherInTheNextOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<String> commits = new GroupCommit<>(
                batch -> {
                    batches.add(batch);
                    if (batch.contains("first")) {
                        firstStarted.countDown();
                        await(releaseFirst);
                    }
                },
                e -> false,
                100,
                "test-writer");

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> commits.submit("first"), callers);
        await(firstStarted);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String item = "w" + i;
            waiting.add(CompletableFuture.runAsync(() -> commits.submit(item), callers));
        }
        Thread.sleep(200);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4");
    }

    @Test
    void batchesHoldAtMostTheLimit() {
        GroupCommit<String> commits = new GroupCommit<>(batches::add, e -> false, 1, "test-writer");

        commits.submit("a");
        commits.submit("b");

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void failedBatchIsRetriedItemByItemSoOnlyTheBadItemFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<String> commits = new GroupCommit<>(
                batch -> {
                    if (batch.contains("first")) {
                        firstStarted.countDown();
                        await(releaseFirst);
                    }
                    if (batch.contains("bad")) {
                        throw new IllegalStateException("value too long");
                    }
                    batches.add(batch);
                },
                e -> false,
                100,
                "test-writer");
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> commits.submit("first"), callers);
        await(firstStarted);
        CompletableFuture<Void> good = CompletableFuture.runAsync(() -> commits.submit("good"), callers);
        CompletableFuture<Void> bad = CompletableFuture.runAsync(() -> commits.submit("bad"), callers);
        Thread.sleep(200);

        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("value too long");
        assertThat(batches).contains(List.of("good"));
    }

    @Test
    void failureOfNoItemsMakingFailsTheWholeBatchWithoutRetries() {
        List<List<String>> attempts = new CopyOnWriteArrayList<>();
        GroupCommit<String> commits = new GroupCommit<>(
                batch -> {
                    attempts.add(batch);
                    throw new IllegalStateException("database down");
                },
                e -> e.getMessage().equals("database down"),
                100,
                "test-writer");

        assertThatThrownBy(() -> commits.submit("a")).hasMessage("database down");
        assertThat(attempts).containsExactly(List.of("a"));
    }

    @Test
    void noWriterThreadIsLeftOnceTheQueueIsEmpty() throws Exception {
        GroupCommit<String> commits = new GroupCommit<>(batches::add, e -> false, 100, "idle-test-writer");

        commits.submit("a");
        commits.submit("b");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (writerAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writerAlive()).isFalse();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    private static boolean writerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("idle-test-writer") && thread.isAlive());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
