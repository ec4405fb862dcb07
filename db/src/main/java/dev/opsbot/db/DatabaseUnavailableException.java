package dev.opsbot.db;

/** The database did not answer: it is down, unreachable, refusing connections, or the pool is exhausted. */
public class DatabaseUnavailableException extends DatabaseException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
