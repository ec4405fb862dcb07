package dev.opsbot.db.store;

import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqVerdictStore} keeps the {@link VerdictStore} contract on H2 in PostgreSQL mode. */
class JooqVerdictStoreH2Test extends JooqVerdictStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
