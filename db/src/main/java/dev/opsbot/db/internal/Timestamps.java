package dev.opsbot.db.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the tables keep them. PostgreSQL keeps microseconds and rounds anything finer, H2 keeps nanoseconds:
 * cutting to the microsecond before writing makes both (and the in-memory fakes) keep the same value.
 */
public final class Timestamps {
    private static final long NANOS_PER_MICRO = 1_000;

    private Timestamps() {}

    public static Instant cut(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The first instant a table can hold at or after {@code at}: a column compared {@code >= } with it selects
     * exactly the rows at or after {@code at}, where {@link #cut} would let in one a fraction of a microsecond
     * before, and PostgreSQL's rounding either.
     */
    public static Instant atOrAfter(Instant at) {
        Instant cut = cut(at);
        return cut.equals(at) ? cut : cut.plusNanos(NANOS_PER_MICRO);
    }
}
