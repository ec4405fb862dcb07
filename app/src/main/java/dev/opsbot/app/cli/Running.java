package dev.opsbot.app.cli;

import dev.opsbot.app.OpsbotApplication;
import java.util.concurrent.CountDownLatch;

/** Keeps a started opsbot running until the process is told to stop, then shuts it down gracefully. */
final class Running {
    private Running() {}

    static int untilStopped(OpsbotApplication app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "opsbot-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OpsbotCommand.OK;
    }
}
