package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.Objects;

/** One value of a signal at one time. */
public record Sample(Instant at, double value) {
    public Sample {
        Objects.requireNonNull(at, "at");
    }
}
