package dev.opsbot.db.store;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqChatAddresses} keeps the {@link ChatAddresses} contract on PostgreSQL, in a schema of its own. */
class JooqChatAddressesPostgresIT extends JooqChatAddressesSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
