package dev.opsbot.core.testing;

import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.testing.contract.AuditLogContract;
import java.util.function.UnaryOperator;

/** The fake that bot-core's own tests use keeps the same promises as the database, chain included. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }

    @Override
    protected Tampering tampering() {
        InMemoryAuditLog log = (InMemoryAuditLog) audit;
        return new Tampering() {
            @Override
            public void update(long seq, UnaryOperator<AuditRecord> change) {
                log.tamperUpdate(seq, change);
            }

            @Override
            public void renumber(long from, long to) {
                log.tamperRenumber(from, to);
            }

            @Override
            public void delete(long seq) {
                log.tamperDelete(seq);
            }

            @Override
            public void insert(AuditRecord forged) {
                log.tamperInsert(forged);
            }

            @Override
            public void writtenBeforeTheChainThrough(long seq) {
                log.writtenBeforeTheChainThrough(seq);
            }
        };
    }
}
