package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Causal direction between services: when the service's errors name a downstream that is itself failing, blame the
 * downstream — its own infrastructure cause when it has one (a full volume under a database), otherwise
 * {@code dependency-failure} with the downstream as culprit and its own fix. Errors naming an outside host are a
 * weaker dependency hypothesis: we cannot look inside it.
 */
final class DependencyRule implements Rule {
    private final Map<String, Downstream> downstreams;

    DependencyRule(Map<String, Downstream> downstreams) {
        this.downstreams = Map.copyOf(downstreams);
    }

    @Override
    public List<Candidate> apply(EvidenceSet evidence) {
        List<Candidate> candidates = new ArrayList<>();
        for (LogSignature log : evidence.logs(LogCategory.DOWNSTREAM_ERROR)) {
            if (log.downstream().isEmpty() || log.downstream().equals(evidence.service())) {
                continue;
            }
            Downstream downstream = downstreams.get(log.downstream());
            if (downstream != null
                    && downstream.failing()
                    && !downstream.ranked().isEmpty()) {
                candidates.add(blame(evidence, log, downstream));
            } else if (downstream == null && log.downstream().contains(".")) {
                candidates.add(outside(log));
            }
        }
        return candidates;
    }

    private static Candidate blame(EvidenceSet evidence, LogSignature log, Downstream downstream) {
        Candidate its = downstream.top();
        List<EvidenceItem> items = new ArrayList<>();
        items.add(Items.of(log));
        items.addAll(its.evidence().stream().limit(3).toList());
        String lead = evidence.service() + "'s errors name " + downstream.name() + " (" + log.count() + " x "
                + log.signature() + "), which is failing itself";
        if (downstream.causeBelowWorkload()) {
            return new Candidate(
                    its.cause(),
                    Math.max(its.score(), 0.9),
                    its.culprit(),
                    lead + ": " + its.summary(),
                    items,
                    its.remediation(),
                    its.anchor(),
                    its.changeBased());
        }
        ObjectRef workload = downstream.evidence().workload();
        Integer revision = workload.equals(its.culprit().ref()) ? its.culprit().revision() : null;
        String theirs = its.cause() == Cause.UNKNOWN || its.cause() == Cause.HEALTHY
                ? ""
                : ": " + its.cause().jsonName() + ", " + its.summary();
        return new Candidate(
                Cause.DEPENDENCY_FAILURE,
                0.9,
                Culprit.of(workload, revision),
                lead + theirs,
                items,
                its.remediation(),
                downstream.evidence().symptom().onset() != null
                        ? downstream.evidence().symptom().onset()
                        : its.anchor(),
                false);
    }

    private static Candidate outside(LogSignature log) {
        ObjectRef host = ObjectRef.of("ExternalService", "", log.downstream());
        String summary = "calls to " + log.downstream() + " fail: " + log.count() + " x " + log.signature();
        return new Candidate(
                Cause.DEPENDENCY_FAILURE,
                0.55,
                Culprit.of(host),
                summary,
                List.of(Items.of(log)),
                null,
                log.first(),
                false);
    }
}
