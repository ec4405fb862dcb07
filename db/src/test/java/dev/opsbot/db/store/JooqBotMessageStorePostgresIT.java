package dev.opsbot.db.store;

import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.testing.contract.BotMessageStoreContract;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqBotMessageStore} keeps the {@link BotMessageStore} contract on PostgreSQL, in a schema of its own. */
class JooqBotMessageStorePostgresIT extends BotMessageStoreContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected BotMessageStore newStore() {
        return new JooqBotMessageStore(db.emptied().dsl());
    }

    @Override
    protected BotMessageStore anotherReplicaOf(BotMessageStore store) {
        return new JooqBotMessageStore(db.anotherReplica().dsl());
    }
}
