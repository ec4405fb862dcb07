package dev.opsbot.scenario.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time inside a served scenario. It starts at the scenario's {@code now} and stands still, so an investigation
 * sees the incident as captured, however long the demo runs; it moves only when someone advances it — verification
 * waiting for a recovery does, instead of sleeping. The simulated controller stamps what it does with this time, and
 * the metrics answer for it.
 */
public final class ScenarioClock extends Clock {
    private final AtomicReference<Instant> now;

    public ScenarioClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward; it never goes back. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a scenario's clock only moves forward, not by " + by);
        }
        return now.updateAndGet(at -> at.plus(by));
    }

    /** Back to {@code start}: only for replaying a scenario from its beginning, objects and rollouts included. */
    public void restart(Instant start) {
        now.set(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a scenario's clock is UTC");
    }
}
