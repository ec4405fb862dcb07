package dev.opsbot.db;

import static dev.opsbot.db.generated.Tables.CONSOLE_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.console.ConsoleMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database} where no running server is needed: URLs, failures, the default file database. */
class DatabaseTest {
    // nothing listens on port 1: the connection is refused at once
    private static final String NOBODY_THERE = "jdbc:postgresql://127.0.0.1:1/opsbot?password=hunter2&ssl=false";

    private static Database unreachable() {
        return new Database(NOBODY_THERE, "opsbot", "hunter2", 1, Duration.ofMillis(500));
    }

    @Test
    void unreachableDatabaseIsNotReady() {
        try (Database database = unreachable()) {
            assertThat(database.ready()).isFalse();
        }
    }

    @Test
    void migratingAnUnreachableDatabaseSaysWhichOneWithoutItsPassword() {
        try (Database database = unreachable()) {
            assertThatThrownBy(database::migrate)
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith(
                            "database at jdbc:postgresql://127.0.0.1:1/opsbot?password=***&ssl=false did not answer: ")
                    .satisfies(
                            e -> assertThat(((DatabaseException) e).retriable()).isTrue())
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter2"));
        }
    }

    @Test
    void statementOnAnUnreachableDatabaseFailsAsUnavailable() {
        try (Database database = unreachable()) {
            assertThatThrownBy(() -> database.dsl().fetchCount(CONSOLE_MESSAGE))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("did not answer")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter2"));
        }
    }

    @Test
    void unsupportedDatabaseIsRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> new Database("jdbc:mysql://db/opsbot?password=hunter2", "u", "p", 1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("jdbc:mysql://db/opsbot?password=***")
                .hasMessageContaining("jdbc:h2:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void poolNeedsAtLeastOneConnection() {
        assertThatThrownBy(() -> new Database(Database.inMemoryH2Url("x"), "sa", "", 0))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void defaultH2UrlIsAFileDatabaseInPostgresModeThatTheJvmDoesNotClose(@TempDir Path dataDir) {
        String url = Database.defaultH2Url(dataDir);

        assertThat(url)
                .startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("opsbot"))
                .contains(";MODE=PostgreSQL")
                .contains(";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void defaultH2DatabaseKeepsItsDataAcrossRestarts(@TempDir Path dataDir) {
        ConsoleMessage message = ConsoleMessage.of("m1", "ops", "m1", "alice", "hello", null, Instant.EPOCH);
        try (Database first = new Database(Database.defaultH2Url(dataDir), "sa", "", 2)) {
            first.migrate();
            DbStores.of(first).console().insert(message);
        }

        try (Database second = new Database(Database.defaultH2Url(dataDir), "sa", "", 2)) {
            assertThat(second.ready()).isTrue();
            assertThat(DbStores.of(second).console().find("m1")).contains(message);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
