package dev.opsbot.db.store;

import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqScheduleLeases} keeps the {@link ScheduleLeases} contract on PostgreSQL, in a schema of its own; the replicas of the contract's races are two connection pools on that one database. */
class JooqScheduleLeasesPostgresIT extends JooqScheduleLeasesSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
