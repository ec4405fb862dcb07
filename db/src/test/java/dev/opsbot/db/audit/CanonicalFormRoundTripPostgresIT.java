package dev.opsbot.db.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEventExamples;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.db.Database;
import dev.opsbot.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same events recorded on PostgreSQL and on H2 come back as the same bytes and the same chain: what is hashed
 * does not depend on the database it passed through, so an export from one verifies against the other.
 */
class CanonicalFormRoundTripPostgresIT {
    @Test
    void everyEventTypeKeepsItsCanonicalFormAndHashThroughPostgresAndH2() {
        List<AuditEvent> events = AuditEventExamples.everyType();

        List<AuditRecord> postgres = roundTrip(TestDatabases.postgres(), events);
        List<AuditRecord> h2 = roundTrip(TestDatabases.h2(), events);

        assertThat(postgres).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            String canonical = CanonicalJson.of(events.get(i));
            assertThat(postgres.get(i).event()).isEqualTo(canonical);
            assertThat(h2.get(i).event()).isEqualTo(canonical);
            // read back and written again, still the same bytes
            assertThat(CanonicalJson.of(CanonicalJson.read(postgres.get(i).event())))
                    .isEqualTo(canonical);
            assertThat(postgres.get(i).hash()).isEqualTo(h2.get(i).hash());
            assertThat(postgres.get(i).at()).isEqualTo(h2.get(i).at());
        }
    }

    private static List<AuditRecord> roundTrip(Database database, List<AuditEvent> events) {
        try (database) {
            JooqAuditLog audit = new JooqAuditLog(database);
            events.forEach(audit::record);
            assertThat(audit.verify()).isInstanceOf(ChainCheck.Intact.class);
            List<AuditRecord> records = new ArrayList<>();
            audit.scan(1, records::add);
            return records;
        }
    }
}
