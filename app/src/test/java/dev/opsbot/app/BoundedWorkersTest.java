package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedWorkersTest {

    @Test
    void noMoreThanTheLimitRunAtOnceAndSubmittingNeverBlocks() throws Exception {
        BoundedWorkers workers = new BoundedWorkers(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(20);

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            workers.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Thread.sleep(200); // let the virtual threads pile up on the permits
        release.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(3);
        assertThat(submitMillis)
                .as("submitting 20 tasks while all permits are held")
                .isLessThan(1_000);
        workers.shutdown();
        assertThat(workers.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    }
}
