package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import dev.opsbot.core.triage.result.Remediation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A cause a rule proposes, before ranking.
 *
 * @param score how strongly the evidence points here, 0..1, before the temporal adjustments
 * @param anchor when the cause began (the change's time, the first failure), used to check it precedes the onset;
 *     null when unknown
 * @param changeBased whether the cause is a change (a change after the onset cannot be the cause)
 * @param remediation null when there is nothing safe to propose
 */
public record Candidate(
        Cause cause,
        double score,
        Culprit culprit,
        String summary,
        List<EvidenceItem> evidence,
        Remediation remediation,
        Instant anchor,
        boolean changeBased) {
    public Candidate {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }

    public Candidate withScore(double newScore) {
        return new Candidate(cause, newScore, culprit, summary, evidence, remediation, anchor, changeBased);
    }

    public Candidate withSummary(String newSummary) {
        return new Candidate(cause, score, culprit, newSummary, evidence, remediation, anchor, changeBased);
    }
}
