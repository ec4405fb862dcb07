package dev.opsbot.core.testing;

import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.testing.contract.AuditLogContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
