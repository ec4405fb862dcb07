package dev.opsbot.core.triage.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * How one source did: {@code ok}, {@code partial} (answered, but some reads failed: see {@code detail}) or
 * {@code failed} (nothing from it; {@code detail} says what could not be checked and why). {@code items} counts the
 * evidence it gave (changes, findings, signals, log signatures, checks): for the audit log, not the JSON contract.
 */
public record SourceStatus(
        String name,
        String status,
        String detail,
        long millis,
        @JsonIgnore long items) {
    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public SourceStatus(String name, String status, String detail, long millis) {
        this(name, status, detail, millis, 0);
    }

    public boolean failed() {
        return status.equals(FAILED);
    }
}
