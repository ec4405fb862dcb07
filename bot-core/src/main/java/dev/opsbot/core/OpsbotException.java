package dev.opsbot.core;

/**
 * The one unchecked root of opsbot's own failures. Vendor exceptions are translated into subclasses inside the
 * adapter that owns the vendor; the message names what broke and, where it can, how to fix it.
 */
public class OpsbotException extends RuntimeException {
    private final boolean retriable;

    public OpsbotException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public OpsbotException(String message) {
        this(message, false, null);
    }

    public boolean retriable() {
        return retriable;
    }
}
