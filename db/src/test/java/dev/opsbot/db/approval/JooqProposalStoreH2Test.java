package dev.opsbot.db.approval;

import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqProposalStore} keeps the {@link ProposalStore} contract on H2 in PostgreSQL mode. */
class JooqProposalStoreH2Test extends JooqProposalStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
