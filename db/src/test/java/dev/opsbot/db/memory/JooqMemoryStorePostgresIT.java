package dev.opsbot.db.memory;

import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqMemoryStore} keeps the {@link MemoryStore} contract on PostgreSQL, in a schema of its own. */
class JooqMemoryStorePostgresIT extends JooqMemoryStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
