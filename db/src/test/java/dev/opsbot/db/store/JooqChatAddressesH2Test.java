package dev.opsbot.db.store;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqChatAddresses} keeps the {@link ChatAddresses} contract on H2 in PostgreSQL mode. */
class JooqChatAddressesH2Test extends JooqChatAddressesSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
