package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OOMKilled containers. A rollout that lowered the memory limit before the first kill is the culprit (roll it
 * back); without one, the workload outgrew its limit (raise it).
 */
final class OomRule implements Rule {

    @Override
    public List<Candidate> apply(EvidenceSet evidence) {
        List<Finding> kills = evidence.findings(FindingKind.OOM_KILLED);
        if (kills.isEmpty()) {
            return List.of();
        }
        Finding first = kills.getFirst();
        long pods = kills.stream().map(f -> f.subject().name()).distinct().count();
        String crashLooping = evidence.has(FindingKind.CRASH_LOOP) ? ", CrashLoopBackOff" : "";
        String killed = pods + " pod" + (pods == 1 ? "" : "s") + " OOMKilled" + crashLooping;
        Optional<LoweredLimit> lowered = loweredLimit(evidence, first);
        List<EvidenceItem> items = new ArrayList<>();
        if (lowered.isPresent()) {
            ChangeEvent rollout = lowered.get().rollout();
            items.add(Items.of(rollout));
            items.addAll(Items.of(kills));
            String summary = "memory limit lowered " + lowered.get().field().before() + " -> "
                    + lowered.get().field().after() + " in revision " + rollout.revision() + " at "
                    + Times.clock(rollout.at()) + "; " + killed;
            return List.of(new Candidate(
                    Cause.OOM,
                    0.92,
                    Culprit.of(rollout.target(), rollout.revision()),
                    summary,
                    items,
                    Remediations.rollback(rollout.target(), rollout.previousRevision()),
                    rollout.at(),
                    true));
        }
        items.addAll(Items.of(kills));
        String container = first.attribute("container");
        String limit = first.attribute("limit");
        String summary = killed + " with no change to the memory limit" + (limit.isEmpty() ? "" : " (" + limit + ")")
                + ": the workload needs more memory than its limit";
        return List.of(new Candidate(
                Cause.OOM,
                0.8,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                summary,
                items,
                limit.isEmpty() || container.isEmpty()
                        ? null
                        : Remediations.setMemoryLimit(evidence.workload(), container, Quantities.doubled(limit)),
                first.at(),
                false));
    }

    private record LoweredLimit(ChangeEvent rollout, FieldChange field) {}

    private static Optional<LoweredLimit> loweredLimit(EvidenceSet evidence, Finding firstKill) {
        List<ChangeEvent> rollouts = evidence.changes(dev.opsbot.core.triage.ChangeKind.ROLLOUT);
        for (int i = rollouts.size() - 1; i >= 0; i--) {
            ChangeEvent rollout = rollouts.get(i);
            if (rollout.at().isAfter(firstKill.at())) {
                continue;
            }
            for (FieldChange field : rollout.fields()) {
                if (field.field().equals("resources.limits.memory")
                        && Quantities.lowered(field.before(), field.after())) {
                    return Optional.of(new LoweredLimit(rollout, field));
                }
            }
        }
        return Optional.empty();
    }
}
