package dev.opsbot.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.db.Database;
import dev.opsbot.db.DbStores;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void h2DatabaseIsMigratedAndGoneOnceClosed() {
        String url;
        try (Database database = TestDatabases.h2()) {
            url = database.url();
            assertThat(database.ready()).isTrue();
        }

        try (Database reopened = new Database(url, "sa", "", 1)) {
            assertThat(reopened.ready()).as("a new, unmigrated database").isFalse();
        }
    }

    @Test
    void deleteAllRowsEmptiesTablesThatReferToEachOther() {
        try (Database database = TestDatabases.h2()) {
            var console = DbStores.of(database).console();
            console.insert(ConsoleMessage.of("m1", "ops", "m1", "alice", "hi", null, Instant.EPOCH));
            console.addReaction("m1", "bob", "eyes", Instant.EPOCH);

            TestDatabases.deleteAllRows(database);

            assertThat(console.count()).isZero();
        }
    }
}
