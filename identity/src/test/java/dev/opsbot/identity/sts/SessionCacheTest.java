package dev.opsbot.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    static final String ROLE = "arn:aws:iam::111111111111:role/opsbot-read-oncall";

    final MutableClock clock = new MutableClock(NOW);

    @Test
    void aSlowCallForOneKeyNeverHoldsUpAnother() throws Exception {
        var cache = new SessionCache(clock, Duration.ofMinutes(2), 100);
        var slowStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var slow = CompletableFuture.supplyAsync(
                () -> cache.get(key("t1"), () -> {
                    slowStarted.countDown();
                    await(release);
                    return session("ASIASLOW", 15);
                }),
                runnable -> Thread.ofVirtual().start(runnable));
        slowStarted.await();

        SessionCredentials other = cache.get(key("t2"), () -> session("ASIAOTHER", 15));

        assertThat(other.accessKeyId()).isEqualTo("ASIAOTHER");
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).accessKeyId()).isEqualTo("ASIASLOW");
    }

    @Test
    void aFailureIsThrownAndForgotten() {
        var cache = new SessionCache(clock, Duration.ofMinutes(2), 100);
        var calls = new AtomicInteger();

        assertThatThrownBy(() -> cache.get(key("t1"), () -> {
                    calls.incrementAndGet();
                    throw new ElevationException(ElevationException.Kind.UNAVAILABLE, "AWS STS did not answer");
                }))
                .hasMessage("AWS STS did not answer");
        assertThat(cache.size()).isZero();
        cache.get(key("t1"), () -> {
            calls.incrementAndGet();
            return session("ASIAOK", 15);
        });

        assertThat(calls).hasValue(2);
    }

    @Test
    void expiredSessionsAreDroppedAndTheCacheNeverHoldsMoreThanItsBound() {
        var cache = new SessionCache(clock, Duration.ofMinutes(2), 3);
        cache.get(key("old"), () -> session("ASIAOLD", 5));
        clock.advance(Duration.ofMinutes(4));

        for (int i = 0; i < 10; i++) {
            int minutes = 15 + i;
            cache.get(key("t" + i), () -> session("ASIA" + minutes, minutes));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }

        var calls = new AtomicInteger();
        SessionCredentials kept = cache.get(key("t9"), () -> {
            calls.incrementAndGet();
            return session("ASIANEW", 30);
        });
        assertThat(kept.accessKeyId())
                .as("the latest sessions are the ones kept")
                .isEqualTo("ASIA24");
        assertThat(calls).hasValue(0);
    }

    private static SessionCache.Key key(String thread) {
        return new SessionCache.Key("alice@example.com", ROLE, new ThreadRef("console", "inc-checkout", thread));
    }

    private SessionCredentials session(String accessKeyId, int minutes) {
        return new SessionCredentials(
                accessKeyId, "secret", "token", clock.instant().plus(Duration.ofMinutes(minutes)), ROLE);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
