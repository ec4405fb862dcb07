package dev.opsbot.core.agent;

/** The model could not answer, after the retries its failure allowed; the message is safe to show. */
public final class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
