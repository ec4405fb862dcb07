package dev.opsbot.app.cli;

import dev.opsbot.app.OpsbotApplication;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Starts opsbot and keeps it running until the process is told to stop, then shuts it down gracefully. */
final class Running {
    private Running() {}

    /**
     * The shutdown hook is in place before start-up begins: a SIGTERM that arrives just as opsbot becomes ready
     * must still close it gracefully, not kill it mid-work.
     */
    static int untilStopped(Supplier<OpsbotApplication> start, java.util.function.Consumer<OpsbotApplication> onReady) {
        CountDownLatch stopped = new CountDownLatch(1);
        Object lock = new Object();
        OpsbotApplication[] running = new OpsbotApplication[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            synchronized (lock) {
                                if (running[0] != null) {
                                    running[0].close();
                                }
                            }
                            stopped.countDown();
                        },
                        "opsbot-shutdown"));
        OpsbotApplication app = start.get();
        synchronized (lock) {
            running[0] = app;
        }
        onReady.accept(app);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OpsbotCommand.OK;
    }
}
