package dev.opsbot.db.store;

import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqVerdictStore} keeps the {@link VerdictStore} contract on PostgreSQL, in a schema of its own; the replicas of the contract's races are two connection pools on that one database. */
class JooqVerdictStorePostgresIT extends JooqVerdictStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
