package dev.opsbot.app.approval;

import java.time.Duration;

/**
 * How verification waits between looks: by sleeping in production; by advancing a scenario's clock in the demo, where
 * the world only moves when told to.
 */
@FunctionalInterface
public interface Pause {
    /** @throws InterruptedException when the wait is cut short (opsbot is stopping) */
    void pause(Duration duration) throws InterruptedException;

    static Pause sleeping() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
