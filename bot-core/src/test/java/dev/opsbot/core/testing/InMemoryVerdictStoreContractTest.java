package dev.opsbot.core.testing;

import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.core.testing.contract.VerdictStoreContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryVerdictStoreContractTest extends VerdictStoreContract {
    @Override
    protected VerdictStore newStore() {
        return new InMemoryVerdictStore();
    }
}
