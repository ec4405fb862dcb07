package dev.opsbot.db.audit;

import dev.opsbot.db.testing.ThrowawayDatabase;

/** The chain's migration on PostgreSQL, in a schema of its own. */
class AuditChainMigrationPostgresIT extends AuditChainMigrationSuite {
    @Override
    protected ThrowawayDatabase newStorage() {
        return ThrowawayDatabase.postgres();
    }
}
