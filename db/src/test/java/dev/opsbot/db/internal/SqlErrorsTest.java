package dev.opsbot.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DatabaseUnavailableException;
import dev.opsbot.db.DuplicateKeyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    private static final String URL = "jdbc:postgresql://db/opsbot";

    private static OpsbotException translate(String sqlState, String message) {
        return SqlErrors.translate(
                new DataAccessException("SQL [insert into ...]; " + message, new SQLException(message, sqlState)), URL);
    }

    @Test
    void connectionFailureIsUnavailableAndRetriable() {
        OpsbotException e = translate("08001", "Connection to db:5432 refused.");

        assertThat(e).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(e.retriable()).isTrue();
        assertThat(e).hasMessage("database at " + URL + " did not answer: Connection to db:5432 refused.");
    }

    @Test
    void exhaustedPoolIsUnavailable() {
        OpsbotException e = SqlErrors.translate(
                new SQLTransientConnectionException("opsbot-db - Connection is not available, request timed out"), URL);

        assertThat(e).isInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    void uniqueViolationIsADuplicateKey() {
        assertThat(translate("23505", "duplicate key value violates unique constraint"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("duplicate key value");
    }

    @Test
    void otherConstraintViolationIsNotRetriable() {
        OpsbotException e = translate("23503", "violates foreign key constraint");

        assertThat(e).isExactlyInstanceOf(DatabaseException.class).hasMessageContaining("constraint");
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void deadlockAndSerializationFailureAreRetriable() {
        assertThat(translate("40P01", "deadlock detected").retriable()).isTrue();
        assertThat(translate("40001", "could not serialize access").retriable()).isTrue();
        assertThat(translate("42P01", "relation does not exist").retriable()).isFalse();
    }

    @Test
    void reasonLeavesOutTheStatementH2Echoes() {
        OpsbotException e = translate(
                "23505",
                "Unique index or primary key violation: \"PK ON console_message(id)\"; SQL statement:\ninsert into x");

        assertThat(e.getMessage()).endsWith("Unique index or primary key violation: \"PK ON console_message(id)\"");
    }

    @Test
    void opsbotExceptionsPassThroughUnchanged() {
        DatabaseException original = new DatabaseException("already translated", false, null);

        assertThat(SqlErrors.translate(original, URL)).isSameAs(original);
    }
}
