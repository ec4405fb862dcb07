package dev.opsbot.db.identity;

import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqIdentityCache} keeps the {@link IdentityCache} contract on H2 in PostgreSQL mode. */
class JooqIdentityCacheH2Test extends JooqIdentityCacheSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
