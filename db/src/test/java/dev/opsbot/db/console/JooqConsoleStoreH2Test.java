package dev.opsbot.db.console;

import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.core.testing.contract.ConsoleStoreContract;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqConsoleStore} keeps the {@link ConsoleStore} contract on H2 in PostgreSQL mode. */
class JooqConsoleStoreH2Test extends ConsoleStoreContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected ConsoleStore newStore() {
        return new JooqConsoleStore(db.emptied().dsl());
    }

    @Override
    protected ConsoleStore anotherReplicaOf(ConsoleStore store) {
        return new JooqConsoleStore(db.anotherReplica().dsl());
    }
}
