package dev.opsbot.tools.prometheus;

import dev.opsbot.core.OpsbotException;
import java.util.Objects;

/** A metrics query that did not produce an answer, and why, in words a person in the incident channel can act on. */
public final class MetricsQueryException extends OpsbotException {
    /** What went wrong, for callers that react differently (retry, ask for access, fix the query). */
    public enum Kind {
        /** The identity may not query the source (HTTP 401/403). Not retriable. */
        FORBIDDEN,
        /** The source did not answer within the deadline. Retriable. */
        TIMEOUT,
        /** The source cannot be reached or failed (connection refused, 5xx, 429). Usually retriable. */
        UNAVAILABLE,
        /** The query is not valid PromQL, is outside what the source supports, or asks for too much. Not retriable. */
        BAD_QUERY
    }

    private final Kind kind;

    public MetricsQueryException(Kind kind, String message, boolean retriable, Throwable cause) {
        super(message, retriable, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Retriable when the kind is TIMEOUT or UNAVAILABLE. */
    public MetricsQueryException(Kind kind, String message, Throwable cause) {
        this(kind, message, kind == Kind.TIMEOUT || kind == Kind.UNAVAILABLE, cause);
    }

    public MetricsQueryException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
