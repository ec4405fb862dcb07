package dev.opsbot.db.audit;

import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqAuditLog} keeps the {@link AuditLog} contract on PostgreSQL, in a schema of its own. */
class JooqAuditLogPostgresIT extends JooqAuditLogSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
