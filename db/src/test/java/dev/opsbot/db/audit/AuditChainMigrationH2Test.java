package dev.opsbot.db.audit;

import dev.opsbot.db.testing.ThrowawayDatabase;

/** The chain's migration on H2 in PostgreSQL mode. */
class AuditChainMigrationH2Test extends AuditChainMigrationSuite {
    @Override
    protected ThrowawayDatabase newStorage() {
        return ThrowawayDatabase.h2();
    }
}
