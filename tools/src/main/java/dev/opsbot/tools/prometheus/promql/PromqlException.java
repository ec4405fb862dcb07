package dev.opsbot.tools.prometheus.promql;

/**
 * A query this evaluator cannot run: a syntax error, a type error, a construct outside the supported subset, or an
 * evaluation error Prometheus would also report (duplicate series on the "one" side of a match). Unchecked; callers
 * translate it into their own error type.
 */
public final class PromqlException extends RuntimeException {
    private final boolean unsupported;

    private PromqlException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** The query is not valid PromQL, or Prometheus itself would refuse to evaluate it. */
    public static PromqlException invalid(String message) {
        return new PromqlException(message, false);
    }

    /** The query is valid PromQL but uses {@code construct}, which this evaluator does not implement. */
    public static PromqlException unsupported(String construct) {
        return unsupported(construct, "it covers the subset triage uses");
    }

    /** As {@link #unsupported(String)}, with a hint at what is supported instead. */
    static PromqlException unsupported(String construct, String hint) {
        return new PromqlException(construct + " is not supported by opsbot's in-memory PromQL (" + hint + ")", true);
    }

    /** Whether the query is valid PromQL that a real Prometheus would answer. */
    public boolean unsupported() {
        return unsupported;
    }
}
