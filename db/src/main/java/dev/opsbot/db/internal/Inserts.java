package dev.opsbot.db.internal;

import dev.opsbot.db.DuplicateKeyException;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.SQLDialect;

/** Insert-if-absent on H2 and PostgreSQL, safe when two replicas insert at once. */
public final class Inserts {
    private Inserts() {}

    /**
     * Runs the insert so that an existing row with the same key is left alone; {@code true} when this call inserted
     * the row. PostgreSQL gets {@code ON CONFLICT DO NOTHING}. On H2 a plain insert whose duplicate-key error means
     * "already there": jOOQ would emulate {@code ON CONFLICT} with a {@code MERGE}, which costs several times the
     * plain insert to render and to run (it was most of the time spent acknowledging a Slack event) and which a
     * simultaneous insert can still beat with the same error anyway.
     */
    public static boolean ifAbsent(InsertOnDuplicateStep<?> insert) {
        try {
            if (insert.configuration().family() == SQLDialect.POSTGRES) {
                return insert.onConflictDoNothing().execute() == 1;
            }
            return insert.execute() == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
