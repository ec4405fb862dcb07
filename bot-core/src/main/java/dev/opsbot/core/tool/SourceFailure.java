package dev.opsbot.core.tool;

import dev.opsbot.core.OpsbotException;
import java.time.Duration;
import java.util.Objects;

/**
 * A source (Kubernetes, Prometheus, Argo CD, ...) could not answer. Clients translate their vendor errors into this
 * inside the tool that owns the vendor, with a message an on-call engineer can act on.
 */
public class SourceFailure extends OpsbotException {

    public enum Kind {
        /** The acting identity may not read this (HTTP 401/403, RBAC). */
        FORBIDDEN,
        /** The source did not answer before the deadline. */
        TIMEOUT,
        /** The source is down, unreachable or answered with a server error. */
        UNAVAILABLE,
        /** What was asked for does not exist. */
        NOT_FOUND,
        /** The request itself was wrong (a bad query, bad arguments). */
        BAD_REQUEST
    }

    private final String source;
    private final Kind kind;

    public SourceFailure(String source, Kind kind, String message, Throwable cause) {
        super(message, kind == Kind.TIMEOUT || kind == Kind.UNAVAILABLE, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static SourceFailure forbidden(String source, String permission) {
        return new SourceFailure(source, Kind.FORBIDDEN, "this identity lacks permission " + permission, null);
    }

    public static SourceFailure timeout(String source, Duration waited) {
        return new SourceFailure(source, Kind.TIMEOUT, source + " did not answer in " + Durations.human(waited), null);
    }

    public static SourceFailure unavailable(String source, String why, Throwable cause) {
        return new SourceFailure(source, Kind.UNAVAILABLE, source + " is unavailable: " + why, cause);
    }

    /** What went wrong in words: the exception's message, or its type when it has none (never "null"). */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }
}
