package dev.opsbot.db.internal;

import dev.opsbot.db.DuplicateKeyException;
import org.jooq.InsertOnDuplicateStep;

/** Insert-if-absent in the SQL that H2 and PostgreSQL share, and safe when two replicas insert at once. */
public final class Inserts {
    private Inserts() {}

    /**
     * Runs the insert with {@code ON CONFLICT DO NOTHING}; {@code true} when this call inserted the row. On H2 jOOQ
     * emulates that with a MERGE that a simultaneous insert can still beat: that duplicate-key error means the
     * other writer won, so it is a {@code false} too.
     */
    public static boolean ifAbsent(InsertOnDuplicateStep<?> insert) {
        try {
            return insert.onConflictDoNothing().execute() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
