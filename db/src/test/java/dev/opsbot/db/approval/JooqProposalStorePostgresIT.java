package dev.opsbot.db.approval;

import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JooqProposalStore} keeps the {@link ProposalStore} contract on PostgreSQL, in a schema of its own; the
 * replicas of the contract's races are two connection pools on that one database.
 */
class JooqProposalStorePostgresIT extends JooqProposalStoreSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
