package dev.opsbot.db.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.audit.AuditEvent.ElevationGranted;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseUnavailableException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording runs in a transaction of its own: a database that does not answer still fails as unavailable. */
class JooqAuditLogUnavailableTest {
    // nothing listens on port 1: the connection is refused at once
    private static final String NOBODY_THERE = "jdbc:postgresql://127.0.0.1:1/opsbot?password=hunter2&ssl=false";

    @Test
    void recordingOnAnUnreachableDatabaseFailsAsUnavailableWithoutThePassword() {
        ElevationGranted granted = new ElevationGranted(
                Instant.parse("2026-03-10T02:40:00Z"),
                "alice@example.com",
                Mode.READ,
                "production",
                null,
                "opsbot-alice",
                Instant.parse("2026-03-10T02:55:00Z"),
                null,
                null,
                null,
                List.of(),
                List.of());
        try (Database database = new Database(NOBODY_THERE, "opsbot", "hunter2", 1)) {
            assertThatThrownBy(() -> new JooqAuditLog(database).record(granted))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("password=***")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        }
    }
}
