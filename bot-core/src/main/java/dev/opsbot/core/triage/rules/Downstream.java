package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.FindingKind;
import java.util.List;
import java.util.Set;

/**
 * A service that the investigated service's errors name, investigated in its own right.
 *
 * @param ranked its own ranked candidates (without a further downstream round)
 */
public record Downstream(String name, EvidenceSet evidence, List<Candidate> ranked) {
    private static final Set<FindingKind> HARD_FAILURES = Set.of(
            FindingKind.CRASH_LOOP,
            FindingKind.OOM_KILLED,
            FindingKind.IMAGE_PULL_FAILURE,
            FindingKind.MISSING_CONFIG_OBJECT,
            FindingKind.NO_ENDPOINTS,
            FindingKind.EVICTED,
            FindingKind.UNSCHEDULABLE);

    /** Answers that name no cause of the downstream's own. */
    private static final Set<Cause> NO_CAUSE = Set.of(Cause.HEALTHY, Cause.UNKNOWN, Cause.DEPENDENCY_FAILURE);

    public Downstream {
        ranked = List.copyOf(ranked);
    }

    /**
     * Whether it is failing in its own right: pods down, its own symptom, or a fault under it. Log complaints alone
     * do not count: a database that logs "too many clients" is a victim, not a cause.
     */
    public boolean failing() {
        boolean podsFailing = evidence.findings().stream().anyMatch(f -> HARD_FAILURES.contains(f.kind()));
        return podsFailing || evidence.symptom().present() || causeBelowWorkload();
    }

    /**
     * Whether its own top cause names a culprit other than the downstream workload (a full volume, an expired
     * certificate, a missing Secret): then that is the cause to report, not "the downstream is failing".
     */
    boolean causeBelowWorkload() {
        if (ranked.isEmpty() || NO_CAUSE.contains(ranked.getFirst().cause())) {
            return false;
        }
        return !ranked.getFirst().culprit().ref().equals(evidence.workload());
    }

    Candidate top() {
        return ranked.getFirst();
    }
}
