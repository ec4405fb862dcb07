package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ConfigMap (or Secret) the workload uses changed shortly before the onset: hot-reloaded or picked up on restart. */
final class ConfigMapChangeRule implements Rule {
    private static final Duration LOOKBACK = Duration.ofMinutes(30);

    @Override
    public List<Candidate> apply(EvidenceSet evidence) {
        Instant onset = evidence.symptom().onset();
        if (onset == null) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ChangeEvent change : evidence.changes()) {
            boolean config = change.kind() == ChangeKind.CONFIG_CHANGE || change.kind() == ChangeKind.SECRET_CHANGE;
            if (!config || change.at().isBefore(onset.minus(LOOKBACK))) {
                continue;
            }
            List<EvidenceItem> items = new ArrayList<>();
            items.add(Items.of(change));
            double score = 0.7;
            LogSignature errorsAfter = evidence.logs().stream()
                    .filter(l -> l.first() != null && !l.first().isBefore(change.at()))
                    .findFirst()
                    .orElse(null);
            if (errorsAfter != null) {
                score += 0.12;
                items.add(Items.of(errorsAfter));
            }
            String summary = change.target().display() + " changed at " + Times.clock(change.at())
                    + (change.detail().isEmpty() ? "" : " (" + change.detail() + ")")
                    + (errorsAfter == null ? "" : "; errors since: " + errorsAfter.signature());
            candidates.add(new Candidate(
                    Cause.CONFIG_CHANGE, score, Culprit.of(change.target()), summary, items, null, change.at(), true));
        }
        return candidates;
    }
}
