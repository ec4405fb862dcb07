package dev.opsbot.db.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseUnavailableException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A database that does not answer is reported as unavailable (retriable), never as "another replica runs it" or
 * "resolved already": a false there would quietly skip a handoff or a memory.
 */
class JooqVerdictAndLeasesUnavailableTest {
    // nothing listens on port 1: the connection is refused at once
    private static final String NOBODY_THERE = "jdbc:postgresql://127.0.0.1:1/opsbot?password=hunter2&ssl=false";
    private static final Instant NOW = Instant.parse("2026-03-09T07:00:00Z");

    @Test
    void claimOnAnUnreachableDatabaseFailsAsUnavailableInsteadOfFalse() {
        try (Database database = new Database(NOBODY_THERE, "opsbot", "hunter2", 1)) {
            JooqScheduleLeases leases = new JooqScheduleLeases(database.dsl());

            assertThatThrownBy(() -> leases.claim("handoff", NOW, "replica-a", NOW, NOW.plusSeconds(300)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("password=***")
                    .satisfies(e -> assertThat(((DatabaseUnavailableException) e).retriable())
                            .isTrue())
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        }
    }

    @Test
    void resolveOnAnUnreachableDatabaseFailsAsUnavailableInsteadOfFalse() {
        try (Database database = new Database(NOBODY_THERE, "opsbot", "hunter2", 1)) {
            JooqVerdictStore verdicts = new JooqVerdictStore(database.dsl());

            assertThatThrownBy(() -> verdicts.resolve(new ThreadRef("slack", "C-1", "t-1"), "bob@example.com", NOW))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        }
    }
}
