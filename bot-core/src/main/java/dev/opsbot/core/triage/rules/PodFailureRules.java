package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pods that cannot start or keep running: image pulls, missing config objects, crash loops, failing probes,
 * scheduling. Where a rollout introduced the fault, it is the culprit and rolling back is the fix.
 */
final class PodFailureRules {
    private static final Duration ROLLOUT_LOOKBACK = Duration.ofMinutes(30);

    private PodFailureRules() {}

    static List<Rule> all() {
        return List.of(
                PodFailureRules::imagePull,
                PodFailureRules::missingConfigObject,
                PodFailureRules::crashLoop,
                PodFailureRules::probes,
                PodFailureRules::unschedulable);
    }

    static List<Candidate> imagePull(EvidenceSet evidence) {
        List<Finding> failures = evidence.findings(FindingKind.IMAGE_PULL_FAILURE);
        if (failures.isEmpty()) {
            return List.of();
        }
        Finding first = failures.getFirst();
        Optional<ChangeEvent> rollout = rolloutBefore(evidence, first, "image");
        String image = first.attribute("image");
        String summary = "image " + (image.isEmpty() ? "" : image + " ") + "cannot be pulled ("
                + first.attribute("reason") + ")"
                + rollout.map(r -> "; set by revision " + r.revision() + " at " + Times.clock(r.at()))
                        .orElse("");
        return List.of(fromRollout(Cause.IMAGE_PULL, 0.93, evidence, rollout, summary, failures));
    }

    static List<Candidate> missingConfigObject(EvidenceSet evidence) {
        List<Finding> failures = evidence.findings(FindingKind.MISSING_CONFIG_OBJECT);
        if (failures.isEmpty()) {
            return List.of();
        }
        Finding first = failures.getFirst();
        String kind = first.attribute("kind").isEmpty() ? "Secret" : first.attribute("kind");
        String name = first.attribute("object");
        ObjectRef missing = ObjectRef.of(kind, evidence.namespace(), name.isEmpty() ? "?" : name);
        Optional<ChangeEvent> rollout = rolloutBefore(evidence, first, "");
        String summary = missing.display() + " does not exist; pods cannot start (CreateContainerConfigError)"
                + rollout.map(r -> "; referenced since revision " + r.revision() + " at " + Times.clock(r.at()))
                        .orElse("");
        List<EvidenceItem> items = new ArrayList<>(Items.of(failures));
        rollout.ifPresent(r -> items.addFirst(Items.of(r)));
        return List.of(new Candidate(
                Cause.MISSING_CONFIG_OBJECT,
                0.93,
                Culprit.of(missing),
                summary,
                items,
                rollout.map(r -> Remediations.rollback(r.target(), r.previousRevision()))
                        .orElse(null),
                // a pod waiting on a missing object is reported with its latest event; the fault began with the rollout
                rollout.map(ChangeEvent::at).orElse(first.at()),
                false));
    }

    static List<Candidate> crashLoop(EvidenceSet evidence) {
        List<Finding> crashes = evidence.findings(FindingKind.CRASH_LOOP);
        if (crashes.isEmpty()) {
            return List.of();
        }
        boolean explainedElsewhere = evidence.has(FindingKind.OOM_KILLED);
        Optional<ChangeEvent> rollout = rolloutBefore(evidence, crashes.getFirst(), "");
        double score = explainedElsewhere ? 0.45 : rollout.isPresent() ? 0.55 : 0.72;
        long pods = crashes.stream().map(f -> f.subject().name()).distinct().count();
        List<EvidenceItem> items = new ArrayList<>(Items.of(crashes));
        evidence.firstLog(l -> l.category() == LogCategory.ERROR || l.category() == LogCategory.MISSING_CONFIG)
                .ifPresent(l -> items.add(Items.of(l)));
        String reason = crashes.getFirst().attribute("reason");
        String summary = pods + " pod" + (pods == 1 ? "" : "s") + " crash-looping"
                + (reason.isEmpty() ? "" : " (" + reason + ")")
                + evidence.firstLog(l -> l.category() == LogCategory.ERROR)
                        .map(l -> "; logs: " + l.signature())
                        .orElse("")
                + (rollout.isEmpty() ? " with no change in the window" : "");
        return List.of(new Candidate(
                Cause.CRASHLOOP,
                score,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                summary,
                items,
                null,
                crashes.getFirst().at(),
                false));
    }

    static List<Candidate> probes(EvidenceSet evidence) {
        List<Finding> failures = evidence.findings(FindingKind.PROBE_FAILURE);
        if (failures.isEmpty()) {
            return List.of();
        }
        Optional<ChangeEvent> rollout = rolloutBefore(evidence, failures.getFirst(), "Probe");
        // probes that fail while the application logs nothing wrong point at the probe, not the application
        boolean logsClean = evidence.logs().stream().mapToInt(l -> l.count()).sum() < 10;
        double score = rollout.isPresent() ? 0.9 : logsClean ? 0.55 : 0.35;
        Finding first = failures.getFirst();
        String summary = first.attribute("probe") + " probe failing (" + first.attribute("message") + ")"
                + rollout.map(r -> "; probe changed in revision " + r.revision() + " at " + Times.clock(r.at())
                                + probeChange(r))
                        .orElse("");
        return List.of(fromRollout(Cause.PROBE_MISCONFIG, score, evidence, rollout, summary, failures));
    }

    static List<Candidate> unschedulable(EvidenceSet evidence) {
        List<Finding> pending = evidence.findings(FindingKind.UNSCHEDULABLE);
        if (pending.isEmpty()) {
            return List.of();
        }
        long pods = pending.stream().map(f -> f.subject().name()).distinct().count();
        String summary = pods + " pod" + (pods == 1 ? "" : "s") + " cannot be scheduled: "
                + pending.getFirst().attribute("message");
        return List.of(new Candidate(
                Cause.UNSCHEDULABLE,
                0.8,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                summary,
                Items.of(pending),
                null,
                pending.getFirst().at(),
                false));
    }

    private static String probeChange(ChangeEvent rollout) {
        return rollout.fields().stream()
                .filter(f -> f.field().endsWith("Probe"))
                .findFirst()
                .map(f -> " (" + f.describe() + ")")
                .orElse("");
    }

    /** The latest rollout shortly before {@code finding} that changed a field containing {@code fieldPart}. */
    private static Optional<ChangeEvent> rolloutBefore(EvidenceSet evidence, Finding finding, String fieldPart) {
        return evidence.changes(dev.opsbot.core.triage.ChangeKind.ROLLOUT).stream()
                .filter(r -> !r.at().isAfter(finding.at().plusSeconds(60)))
                .filter(r -> !r.at().isBefore(finding.at().minus(ROLLOUT_LOOKBACK)))
                .filter(r -> fieldPart.isEmpty()
                        || r.fields().stream().anyMatch(f -> f.field().contains(fieldPart)))
                .reduce((a, b) -> b);
    }

    private static Candidate fromRollout(
            Cause cause,
            double score,
            EvidenceSet evidence,
            Optional<ChangeEvent> rollout,
            String summary,
            List<Finding> findings) {
        List<EvidenceItem> items = new ArrayList<>(Items.of(findings));
        rollout.ifPresent(r -> items.addFirst(Items.of(r)));
        Culprit culprit = rollout.map(r -> Culprit.of(r.target(), r.revision()))
                .orElse(Culprit.of(evidence.workload(), evidence.inventory().currentRevision()));
        return new Candidate(
                cause,
                score,
                culprit,
                summary,
                items,
                rollout.map(r -> Remediations.rollback(r.target(), r.previousRevision()))
                        .orElse(null),
                rollout.map(ChangeEvent::at).orElse(findings.getFirst().at()),
                rollout.isPresent());
    }
}
