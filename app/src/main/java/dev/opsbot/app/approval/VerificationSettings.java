package dev.opsbot.app.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * How verification looks for a recovery.
 *
 * @param window how long after the action it may take to recover (2 min by default)
 * @param interval how often to look (15 s)
 * @param minimumRange the shortest stretch after the rollout the symptom is measured over (1 min): rate() needs at
 *     least two samples in its range
 * @param baselineWindow how far before the action to look for the baseline the thresholds come from (1 h, triage's
 *     window)
 * @param requestTimeout how long one read of Kubernetes or the metrics may take (10 s)
 */
public record VerificationSettings(
        Duration window, Duration interval, Duration minimumRange, Duration baselineWindow, Duration requestTimeout) {
    public static final VerificationSettings DEFAULTS = new VerificationSettings(
            Duration.ofMinutes(2),
            Duration.ofSeconds(15),
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofSeconds(10));

    public VerificationSettings {
        positive("window", window);
        positive("interval", interval);
        positive("minimumRange", minimumRange);
        positive("baselineWindow", baselineWindow);
        positive("requestTimeout", requestTimeout);
    }

    /** The defaults with another window: what configuration usually changes. */
    public static VerificationSettings within(Duration window) {
        return new VerificationSettings(
                window, DEFAULTS.interval, DEFAULTS.minimumRange, DEFAULTS.baselineWindow, DEFAULTS.requestTimeout);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("verification " + name + " must be positive, not " + value);
        }
    }
}
