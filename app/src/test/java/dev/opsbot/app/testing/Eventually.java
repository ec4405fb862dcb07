package dev.opsbot.app.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (the bot's reply) with a deadline, instead of sleeping a fixed time. */
public final class Eventually {
    private Eventually() {}

    public static <T> T get(Duration timeout, Supplier<T> attempt, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = attempt.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = attempt.get();
        }
        return last;
    }
}
