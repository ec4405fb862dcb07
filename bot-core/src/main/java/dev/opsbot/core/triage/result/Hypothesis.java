package dev.opsbot.core.triage.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.opsbot.core.triage.Cause;
import java.util.List;
import java.util.Objects;

/** One ranked explanation of the symptom. */
public record Hypothesis(
        int rank,
        Cause cause,
        double confidence,
        Culprit culprit,
        String summary,
        List<EvidenceItem> evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Remediation remediation) {
    public Hypothesis {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
