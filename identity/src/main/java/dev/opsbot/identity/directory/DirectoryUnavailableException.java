package dev.opsbot.identity.directory;

import dev.opsbot.core.OpsbotException;

/**
 * The directory could not be asked about a person. The message completes "I couldn't check who you are: …" and
 * names the cause (throttling, a timeout, a permission opsbot's own role lacks), never a credential.
 */
public final class DirectoryUnavailableException extends OpsbotException {
    /** A failure that may pass by itself (throttling, timeouts, 5xx, connection failures). */
    public DirectoryUnavailableException(String message, Throwable cause) {
        this(message, true, cause);
    }

    /**
     * @param retriable false when asking again cannot help until someone changes opsbot's setup (a missing
     *     permission, an unknown identity store)
     */
    public DirectoryUnavailableException(String message, boolean retriable, Throwable cause) {
        super(message, retriable, cause);
    }
}
