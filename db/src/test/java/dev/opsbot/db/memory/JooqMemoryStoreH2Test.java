package dev.opsbot.db.memory;

import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqMemoryStore} keeps the {@link MemoryStore} contract on H2 in PostgreSQL mode. */
class JooqMemoryStoreH2Test extends JooqMemoryStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
