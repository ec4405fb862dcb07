package dev.opsbot.db.identity;

import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqIdentityCache} keeps the {@link IdentityCache} contract on PostgreSQL, in a schema of its own. */
class JooqIdentityCachePostgresIT extends JooqIdentityCacheSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
