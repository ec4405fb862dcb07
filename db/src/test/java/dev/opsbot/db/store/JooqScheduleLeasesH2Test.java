package dev.opsbot.db.store;

import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqScheduleLeases} keeps the {@link ScheduleLeases} contract on H2 in PostgreSQL mode. */
class JooqScheduleLeasesH2Test extends JooqScheduleLeasesSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
