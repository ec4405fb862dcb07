package dev.opsbot.db.store;

import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.core.testing.contract.ThreadStoreContract;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqThreadStore} keeps the {@link ThreadStore} contract on H2 in PostgreSQL mode. */
class JooqThreadStoreH2Test extends ThreadStoreContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected ThreadStore newStore() {
        return new JooqThreadStore(db.emptied().dsl());
    }

    @Override
    protected ThreadStore anotherReplicaOf(ThreadStore store) {
        return new JooqThreadStore(db.anotherReplica().dsl());
    }
}
