package dev.opsbot.db.store;

import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.testing.contract.BotMessageStoreContract;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqBotMessageStore} keeps the {@link BotMessageStore} contract on H2 in PostgreSQL mode. */
class JooqBotMessageStoreH2Test extends BotMessageStoreContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected BotMessageStore newStore() {
        return new JooqBotMessageStore(db.emptied().dsl());
    }

    @Override
    protected BotMessageStore anotherReplicaOf(BotMessageStore store) {
        return new JooqBotMessageStore(db.anotherReplica().dsl());
    }
}
