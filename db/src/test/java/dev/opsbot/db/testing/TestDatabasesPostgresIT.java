package dev.opsbot.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.db.Database;
import dev.opsbot.db.DbStores;
import java.time.Instant;
import java.util.List;
import org.jooq.Schema;
import org.junit.jupiter.api.Test;

class TestDatabasesPostgresIT {
    private final PostgresServer server = PostgresServer.fromEnvironment();

    @Test
    void postgresDatabaseLivesInItsOwnSchemaDroppedOnClose() {
        String schema;
        try (Database database = TestDatabases.postgres()) {
            schema = database.url().replaceFirst(".*currentSchema=", "");
            assertThat(database.ready()).isTrue();
            assertThat(schemas()).contains(schema);
        }

        assertThat(schemas()).doesNotContain(schema);
    }

    @Test
    void twoPoolsOnOneThrowawayDatabaseSeeTheSameRows() {
        try (ThrowawayDatabase shared = ThrowawayDatabase.postgres()) {
            Database first = shared.open(1);
            Database second = shared.open(1);

            DbStores.of(first)
                    .console()
                    .insert(ConsoleMessage.of("m1", "ops", "m1", "alice", "hi", null, Instant.EPOCH));

            assertThat(DbStores.of(second).console().find("m1")).isPresent();
        }
    }

    private List<String> schemas() {
        try (Database database = new Database(server.url(), server.user(), server.password(), 1)) {
            return database.dsl().meta().getSchemas().stream()
                    .map(Schema::getName)
                    .toList();
        }
    }
}
