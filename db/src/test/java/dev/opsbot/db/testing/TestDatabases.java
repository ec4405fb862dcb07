package dev.opsbot.db.testing;

import dev.opsbot.db.Database;
import dev.opsbot.db.generated.DefaultSchema;
import java.util.Comparator;
import org.jooq.Table;

/**
 * Migrated, empty databases for tests, H2 and PostgreSQL alike; closing one discards it. For several pools on one
 * database (two opsbot instances on one PostgreSQL), use {@link ThrowawayDatabase} directly.
 */
public final class TestDatabases {
    static final int POOL_SIZE = 4;

    private TestDatabases() {}

    /** A migrated in-memory H2 database in PostgreSQL mode. */
    public static Database h2() {
        return new OwningDatabase(ThrowawayDatabase.h2(), POOL_SIZE);
    }

    /**
     * A migrated database in a fresh schema of the test PostgreSQL server (see {@link ThrowawayDatabase#postgres()}
     * for the environment variables, and when it skips or fails).
     */
    public static Database postgres() {
        return new OwningDatabase(ThrowawayDatabase.postgres(), POOL_SIZE);
    }

    /** Deletes every row of every opsbot table, rows that others refer to last. */
    public static void deleteAllRows(Database database) {
        DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .sorted(Comparator.comparing(
                        (Table<?> table) -> table.getReferences().isEmpty()))
                .forEach(table -> database.dsl().deleteFrom(table).execute());
    }

    /** A database that takes its throwaway storage with it when closed. */
    private static final class OwningDatabase extends Database {
        private final ThrowawayDatabase storage;

        OwningDatabase(ThrowawayDatabase storage, int poolSize) {
            super(storage.jdbcUrl(), storage.user(), storage.password(), poolSize);
            this.storage = storage;
            try {
                migrate();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            super.close();
            storage.close();
        }
    }
}
