package dev.opsbot.db;

import dev.opsbot.core.OpsbotException;

/**
 * A database operation failed. Messages name the database by its URL without the password; {@link #retriable()}
 * is {@code true} when trying again can help (a lost connection, a deadlock, a lock wait that timed out).
 */
public class DatabaseException extends OpsbotException {
    public DatabaseException(String message, boolean retriable, Throwable cause) {
        super(message, retriable, cause);
    }
}
