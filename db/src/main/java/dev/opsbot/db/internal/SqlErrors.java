package dev.opsbot.db.internal;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DatabaseUnavailableException;
import dev.opsbot.db.DuplicateKeyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Turns JDBC, Hikari and jOOQ failures into opsbot's exceptions, classified by SQLSTATE. */
public final class SqlErrors {
    // 57P0x: PostgreSQL shutting down or starting; 90067/90098: H2 connection broken or database closed
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "90067", "90098");
    // serialization failure, deadlock, lock not available (PostgreSQL), lock timeout (H2)
    private static final Set<String> RETRIABLE = Set.of("40001", "40P01", "55P03", "HYT00");

    private SqlErrors() {}

    public static OpsbotException translate(Throwable failure, String safeUrl) {
        if (failure instanceof OpsbotException already) {
            return already;
        }
        String state = sqlState(failure);
        String reason = reason(failure);
        if (state.startsWith("08") || UNAVAILABLE.contains(state) || hasTransientConnectionFailure(failure)) {
            return unavailable(failure, safeUrl);
        }
        if (state.equals("23505")) {
            return new DuplicateKeyException("database at " + safeUrl + " holds that key already: " + reason, failure);
        }
        if (state.startsWith("23")) {
            return new DatabaseException(
                    "database at " + safeUrl + " refused a change that breaks a constraint: " + reason, false, failure);
        }
        return new DatabaseException(
                "statement failed on the database at " + safeUrl + ": " + reason, RETRIABLE.contains(state), failure);
    }

    /** A failure to reach the database at all, whatever the driver called it (refused, locked file, bad login). */
    public static DatabaseUnavailableException unavailable(Throwable failure, String safeUrl) {
        return new DatabaseUnavailableException(
                "database at " + safeUrl + " did not answer: " + reason(failure), failure);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static boolean hasTransientConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver's own words: the innermost SQLException's message (else the innermost message), without H2's echo
     * of the statement, which can be long and carry data.
     */
    static String reason(Throwable failure) {
        Throwable chosen = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException || !(chosen instanceof SQLException)) {
                chosen = t;
            }
        }
        String message = chosen.getMessage();
        if (message == null) {
            return chosen.getClass().getSimpleName();
        }
        int statementEcho = message.indexOf("; SQL statement:");
        String text = statementEcho < 0 ? message : message.substring(0, statementEcho);
        return text.replaceAll("\\s+", " ").strip();
    }
}
