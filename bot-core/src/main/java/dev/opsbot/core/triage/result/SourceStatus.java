package dev.opsbot.core.triage.result;

import java.util.Objects;

/**
 * How one source did: {@code ok}, {@code partial} (answered, but some reads failed: see {@code detail}) or
 * {@code failed} (nothing from it; {@code detail} says what could not be checked and why).
 */
public record SourceStatus(String name, String status, String detail, long millis) {
    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public boolean failed() {
        return status.equals(FAILED);
    }
}
