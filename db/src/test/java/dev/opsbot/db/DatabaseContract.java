package dev.opsbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.testing.contract.Race;
import dev.opsbot.db.generated.DefaultSchema;
import dev.opsbot.db.testing.ThrowawayDatabase;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Database} does on every database opsbot supports: the migrations, readiness and the dialect. */
abstract class DatabaseContract {
    private ThrowawayDatabase storage;

    protected abstract ThrowawayDatabase newStorage();

    protected abstract SQLDialect expectedDialect();

    @BeforeEach
    void freshStorage() {
        storage = newStorage();
    }

    @AfterEach
    void discardStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    private Database unmigrated() {
        return new Database(storage.jdbcUrl(), storage.user(), storage.password(), 2);
    }

    @Test
    void migrationsCreateEveryTableAndColumnTheGeneratedCodeKnows() {
        try (Database database = unmigrated()) {
            database.migrate();

            for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                // selects every generated column by name: fails if the migrated database lacks one
                assertThat(database.dsl().selectFrom(table).limit(1).fetch())
                        .as(table.getName())
                        .isEmpty();
            }
        }
    }

    @Test
    void readyIsFalseUntilMigratedThenTrue() {
        try (Database database = unmigrated()) {
            assertThat(database.ready()).isFalse();

            database.migrate();

            assertThat(database.ready()).isTrue();
        }
    }

    @Test
    void aReplicaStartingOnAMigratedDatabaseIsReadyWithoutMigrating() {
        storage.open(1);

        try (Database replica = unmigrated()) {
            assertThat(replica.ready()).isTrue();
        }
    }

    @Test
    void readyStillAsksForAConnectionAfterMigrationsWereSeen() {
        Database database = unmigrated();
        database.migrate();
        assertThat(database.ready()).isTrue();

        database.close();

        assertThat(database.ready()).isFalse();
    }

    @Test
    void replicasMigratingAtOnceAllSucceed() {
        Race.of(3, replica -> {
            try (Database database = unmigrated()) {
                database.migrate();
                return database.ready();
            }
        });

        try (Database database = unmigrated()) {
            assertThat(database.ready()).isTrue();
            assertThat(database.dsl()
                            .fetchCount(DefaultSchema.DEFAULT_SCHEMA.getTables().get(0)))
                    .isZero();
        }
    }

    @Test
    void dialectFollowsTheUrl() {
        try (Database database = unmigrated()) {
            assertThat(database.dialect()).isEqualTo(expectedDialect());
            assertThat(database.dsl().dialect()).isEqualTo(expectedDialect());
        }
    }
}
