package dev.opsbot.db.audit;

import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqAuditLog} keeps the {@link AuditLog} contract on H2 in PostgreSQL mode. */
class JooqAuditLogH2Test extends JooqAuditLogSuite {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected DatabaseExtension db() {
        return db;
    }
}
