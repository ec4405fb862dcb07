package dev.opsbot.db.store;

import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.testing.contract.EventLedgerContract;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqEventLedger} keeps the {@link EventLedger} contract on H2 in PostgreSQL mode. */
class JooqEventLedgerH2Test extends EventLedgerContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected EventLedger newLedger() {
        return new JooqEventLedger(db.emptied().dsl());
    }

    @Override
    protected EventLedger anotherReplicaOf(EventLedger ledger) {
        return new JooqEventLedger(db.anotherReplica().dsl());
    }
}
