package dev.opsbot.core.triage;

/** What a group of log errors is about, decided by {@link LogAnalyzer}'s fixed patterns. */
public enum LogCategory {
    /** No connection available from a database pool (HikariCP, pgbouncer, "too many clients"). */
    DB_POOL_EXHAUSTED,
    /** A called service answered 429 / "rate limit exceeded". */
    RATE_LIMITED,
    /** TLS handshake failed because a certificate expired or is not yet valid. */
    CERT_EXPIRED,
    /** A host name could not be resolved. */
    DNS_FAILURE,
    /** A call to another service failed: refused, reset, timed out, or answered 5xx. */
    DOWNSTREAM_ERROR,
    /** The process ran out of memory (Java heap, Go runtime, Node heap). */
    OUT_OF_MEMORY,
    /** No space left on a device. */
    DISK_FULL,
    /** A required setting, file or key is missing. */
    MISSING_CONFIG,
    /** Any other line at ERROR/FATAL level or with an exception. */
    ERROR
}
