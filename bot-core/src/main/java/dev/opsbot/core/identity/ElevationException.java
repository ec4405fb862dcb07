package dev.opsbot.core.identity;

import dev.opsbot.core.OpsbotException;

/**
 * Credentials could not be issued. The message is written for the person in chat: it names the role or the
 * environment and what to ask for, never a credential.
 */
public final class ElevationException extends OpsbotException {
    /** Why no credentials were issued. */
    public enum Kind {
        /** No role is mapped for the person in this environment. */
        NO_ROLE,
        /** STS refused: the role's trust policy does not let opsbot assume it for this person. */
        ACCESS_DENIED,
        /** STS could not be reached or throttled us; trying again may work. */
        UNAVAILABLE
    }

    private final Kind kind;

    public ElevationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ElevationException(Kind kind, String message, Throwable cause) {
        super(message, kind == Kind.UNAVAILABLE, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
