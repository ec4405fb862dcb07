package dev.opsbot.core.testing;

import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.testing.contract.BotMessageStoreContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryBotMessageStoreContractTest extends BotMessageStoreContract {
    @Override
    protected BotMessageStore newStore() {
        return new InMemoryBotMessageStore();
    }
}
