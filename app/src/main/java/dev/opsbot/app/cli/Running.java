package dev.opsbot.app.cli;

import dev.opsbot.app.OpsbotApplication;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Starts opsbot and keeps it running until the process is told to stop, then shuts it down gracefully. */
final class Running {
    /** How long a stop request waits for a start that is still under way, so that it can close what started. */
    private static final long START_WAIT_SECONDS = 60;

    private Running() {}

    /**
     * The shutdown hook is in place before start-up begins, and waits for start-up to finish: a SIGTERM that
     * arrives while opsbot is starting (or the instant it turns ready) still closes it gracefully.
     */
    static int untilStopped(Supplier<OpsbotApplication> start, Consumer<OpsbotApplication> onReady) {
        CompletableFuture<OpsbotApplication> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                started.get(START_WAIT_SECONDS, TimeUnit.SECONDS)
                                        .close();
                            } catch (Exception startFailedOrTooSlow) {
                                // nothing started, or it is still starting after a minute: nothing to hand back
                                // gracefully
                            }
                            stopped.countDown();
                        },
                        "opsbot-shutdown"));
        OpsbotApplication app;
        try {
            app = start.get();
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        started.complete(app);
        onReady.accept(app);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OpsbotCommand.OK;
    }
}
