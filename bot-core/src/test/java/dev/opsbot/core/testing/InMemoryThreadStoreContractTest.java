package dev.opsbot.core.testing;

import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.core.testing.contract.ThreadStoreContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryThreadStoreContractTest extends ThreadStoreContract {
    @Override
    protected ThreadStore newStore() {
        return new InMemoryThreadStore();
    }
}
