package dev.opsbot.db;

/**
 * A row with the same key exists already. The stores turn it into the answer their port promises ({@code false},
 * a no-op) where a duplicate is expected, because a replica may have written the same row a moment earlier.
 */
public class DuplicateKeyException extends DatabaseException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
