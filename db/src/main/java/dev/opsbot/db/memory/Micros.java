package dev.opsbot.db.memory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the tables keep them. PostgreSQL keeps microseconds and rounds anything finer; cutting it off here
 * first makes both databases (and the in-memory fake) keep the same value, and a {@code since} compare as it should.
 */
final class Micros {
    private Micros() {}

    static Instant of(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
