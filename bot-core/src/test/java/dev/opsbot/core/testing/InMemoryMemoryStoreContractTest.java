package dev.opsbot.core.testing;

import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.testing.contract.MemoryStoreContract;

/** The fake that the memory module's tests use keeps the same promises as the database. */
class InMemoryMemoryStoreContractTest extends MemoryStoreContract {
    @Override
    protected MemoryStore newStore() {
        return new InMemoryMemoryStore();
    }
}
