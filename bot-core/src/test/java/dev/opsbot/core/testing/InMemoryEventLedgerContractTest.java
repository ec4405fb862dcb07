package dev.opsbot.core.testing;

import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.testing.contract.EventLedgerContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryEventLedgerContractTest extends EventLedgerContract {
    @Override
    protected EventLedger newLedger() {
        return new InMemoryEventLedger();
    }
}
