package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.OnsetDetector;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Starved of a resource: CPU throttling, node pressure, a full volume. */
final class ResourceRules {
    static final double THROTTLING = 0.25;
    static final double VOLUME_FULL = 0.02;

    private ResourceRules() {}

    static List<Rule> all() {
        return List.of(ResourceRules::cpuThrottling, ResourceRules::nodePressure, ResourceRules::diskFull);
    }

    static List<Candidate> cpuThrottling(EvidenceSet evidence) {
        Optional<SignalSeries> worst = evidence.signals(SignalName.CPU_THROTTLING).stream()
                .filter(s -> s.max() > THROTTLING)
                .max(Comparator.comparingDouble(SignalSeries::max));
        List<Finding> findings = evidence.findings(FindingKind.CPU_THROTTLED);
        if (worst.isEmpty() && findings.isEmpty()) {
            return List.of();
        }
        List<EvidenceItem> items = new ArrayList<>(Items.of(findings));
        Instant since = worst.map(s -> OnsetDetector.firstAbove(s.samples(), THROTTLING))
                .orElse(findings.isEmpty() ? null : findings.getFirst().at());
        String ratio = worst.map(s -> String.format("%.0f %%", 100 * s.max())).orElse("high");
        String container = worst.map(s -> s.label("container")).orElse("");
        worst.ifPresent(s -> items.add(new EvidenceItem(
                s.source(), since, "CPU throttled " + ratio + " of periods in " + s.label("pod") + "/" + container)));
        Optional<ChangeEvent> lowered = evidence.changes(ChangeKind.ROLLOUT).stream()
                .filter(r -> since == null || !r.at().isAfter(since.plusSeconds(60)))
                .filter(r -> loweredCpu(r).isPresent())
                .reduce((a, b) -> b);
        if (lowered.isPresent()) {
            ChangeEvent rollout = lowered.get();
            FieldChange field = loweredCpu(rollout).orElseThrow();
            items.addFirst(Items.of(rollout));
            String summary = "CPU limit lowered " + field.before() + " -> " + field.after() + " in revision "
                    + rollout.revision() + " at " + Times.clock(rollout.at()) + "; throttled " + ratio + " of periods";
            return List.of(new Candidate(
                    Cause.CPU_THROTTLING,
                    0.9,
                    Culprit.of(rollout.target(), rollout.revision()),
                    summary,
                    items,
                    Remediations.rollback(rollout.target(), rollout.previousRevision()),
                    rollout.at(),
                    true));
        }
        return List.of(new Candidate(
                Cause.CPU_THROTTLING,
                0.75,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                "containers CPU-throttled " + ratio + " of periods"
                        + (since == null ? "" : " since " + Times.clock(since)),
                items,
                null,
                since,
                false));
    }

    private static Optional<FieldChange> loweredCpu(ChangeEvent rollout) {
        return rollout.fields().stream()
                .filter(f -> f.field().equals("resources.limits.cpu") && Quantities.lowered(f.before(), f.after()))
                .findFirst();
    }

    static List<Candidate> nodePressure(EvidenceSet evidence) {
        List<Finding> conditions = evidence.findings(FindingKind.NODE_CONDITION);
        List<Finding> evictions = evidence.findings(FindingKind.EVICTED);
        if (conditions.isEmpty() && evictions.isEmpty()) {
            return List.of();
        }
        Finding node = conditions.isEmpty() ? null : conditions.getFirst();
        ObjectRef culprit = node != null
                ? node.subject()
                : ObjectRef.of("Node", "", evictions.getFirst().attribute("node"));
        List<EvidenceItem> items = new ArrayList<>(Items.of(conditions));
        items.addAll(Items.of(evictions));
        String summary = culprit.display()
                + (node == null ? "" : " under " + node.attribute("condition") + " since " + Times.clock(node.at()))
                + (evictions.isEmpty()
                        ? ""
                        : "; " + evictions.size() + " pod eviction" + (evictions.size() == 1 ? "" : "s"));
        return List.of(new Candidate(
                Cause.NODE_PRESSURE,
                evictions.isEmpty() || conditions.isEmpty() ? 0.78 : 0.88,
                Culprit.of(culprit),
                summary,
                items,
                culprit.name().isEmpty() ? null : Remediations.cordon(culprit),
                node != null ? node.at() : evictions.getFirst().at(),
                false));
    }

    static List<Candidate> diskFull(EvidenceSet evidence) {
        List<EvidenceItem> items = new ArrayList<>();
        Optional<SignalSeries> fullest = evidence.signals(SignalName.VOLUME_FREE).stream()
                .filter(s -> s.min() < VOLUME_FULL)
                .min(Comparator.comparingDouble(SignalSeries::min));
        List<Finding> findings = evidence.findings(FindingKind.VOLUME_FULL);
        List<LogSignature> logs = evidence.logs(LogCategory.DISK_FULL);
        if (fullest.isEmpty() && findings.isEmpty() && logs.isEmpty()) {
            return List.of();
        }
        String pvc = fullest.map(s -> s.label("persistentvolumeclaim"))
                .orElse(findings.isEmpty() ? "" : findings.getFirst().attribute("pvc"));
        Instant since = fullest.map(s -> OnsetDetector.firstBelow(s.samples(), VOLUME_FULL))
                .orElse(
                        findings.isEmpty()
                                ? (logs.isEmpty() ? null : logs.getFirst().first())
                                : findings.getFirst().at());
        fullest.ifPresent(s -> items.add(
                new EvidenceItem(s.source(), since, String.format("volume %s %.1f %% free", pvc, 100 * s.min()))));
        items.addAll(Items.of(findings));
        logs.stream().limit(2).map(Items::of).forEach(items::add);
        ObjectRef culprit = pvc.isEmpty()
                ? evidence.workload()
                : ObjectRef.of(
                        "PersistentVolumeClaim",
                        fullest.map(s -> s.label("namespace"))
                                .filter(n -> !n.isEmpty())
                                .orElse(evidence.namespace()),
                        pvc);
        String summary = (pvc.isEmpty() ? "a volume" : "volume " + culprit.display()) + " is full"
                + (since == null ? "" : " since " + Times.clock(since))
                + (logs.isEmpty() ? "" : "; logs: " + logs.getFirst().signature());
        return List.of(new Candidate(
                Cause.DISK_FULL,
                pvc.isEmpty() ? 0.7 : 0.9,
                Culprit.of(culprit),
                summary,
                items,
                pvc.isEmpty() ? null : Remediations.expandPvc(culprit),
                since,
                false));
    }
}
