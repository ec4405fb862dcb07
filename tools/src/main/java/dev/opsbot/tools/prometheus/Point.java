package dev.opsbot.tools.prometheus;

import java.time.Instant;
import java.util.Objects;

/** One value of a series at one instant (millisecond precision, as Prometheus stores time). NaN and ±Inf are kept. */
public record Point(Instant at, double value) {
    public Point {
        Objects.requireNonNull(at, "at");
    }
}
