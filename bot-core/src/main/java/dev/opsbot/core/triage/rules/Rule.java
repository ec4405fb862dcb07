package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.EvidenceSet;
import java.util.List;

/** Turns evidence into zero or more candidate causes. Rules are independent; the ranker weighs them against time. */
@FunctionalInterface
public interface Rule {
    List<Candidate> apply(EvidenceSet evidence);
}
