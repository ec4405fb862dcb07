package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rollouts near the onset. One that changed the image is a {@code bad-deploy}; one that changed only configuration
 * (env, envFrom, config checksums) is a {@code config-change}. Crashes or new log errors after it strengthen the
 * case. Rollouts after the onset are proposed too, so that the ranker can say why they are not the cause.
 */
final class RolloutRule implements Rule {
    private static final Duration LOOKBACK = Duration.ofMinutes(30);
    private static final List<String> CONFIG_FIELDS = List.of("env.", "envFrom", "annotations.", "volumes");

    @Override
    public List<Candidate> apply(EvidenceSet evidence) {
        Instant onset = evidence.symptom().onset();
        if (onset == null) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ChangeEvent rollout : evidence.changes(ChangeKind.ROLLOUT)) {
            if (rollout.at().isBefore(onset.minus(LOOKBACK))) {
                continue;
            }
            candidates.add(candidate(evidence, rollout));
        }
        return candidates;
    }

    private static Candidate candidate(EvidenceSet evidence, ChangeEvent rollout) {
        boolean image = rollout.changed("image");
        boolean onlyConfig = !rollout.fields().isEmpty()
                && rollout.fields().stream().allMatch(f -> CONFIG_FIELDS.stream()
                        .anyMatch(prefix -> f.field().startsWith(prefix)));
        List<EvidenceItem> items = new ArrayList<>();
        items.add(Items.of(rollout));
        double score = image ? 0.75 : 0.55;
        boolean crashesAfter =
                evidence.findings(FindingKind.CRASH_LOOP).stream().anyMatch(f -> !f.at().isBefore(rollout.at()));
        if (crashesAfter) {
            score += 0.15;
            items.addAll(Items.of(evidence.findings(FindingKind.CRASH_LOOP)));
        }
        List<LogSignature> newErrors = evidence.logs().stream()
                .filter(l -> l.first() != null && !l.first().isBefore(rollout.at()))
                .filter(l -> l.category() == LogCategory.ERROR || l.category() == LogCategory.MISSING_CONFIG)
                .toList();
        if (!newErrors.isEmpty()) {
            score += crashesAfter ? 0.05 : 0.15;
            items.add(Items.of(newErrors.getFirst()));
        }
        Cause cause = onlyConfig && !image ? Cause.CONFIG_CHANGE : Cause.BAD_DEPLOY;
        String what = cause == Cause.CONFIG_CHANGE ? "configuration-only rollout" : "rollout";
        String summary = what + " to revision " + rollout.revision() + " at " + Times.clock(rollout.at())
                + changes(rollout) + (crashesAfter ? "; pods crash since" : "")
                + (newErrors.isEmpty()
                        ? ""
                        : "; new errors since: " + newErrors.getFirst().signature());
        return new Candidate(
                cause,
                Math.min(score, 0.9),
                Culprit.of(rollout.target(), rollout.revision()),
                summary,
                items,
                Remediations.rollback(rollout.target(), rollout.previousRevision()),
                rollout.at(),
                true);
    }

    private static String changes(ChangeEvent rollout) {
        if (rollout.fields().isEmpty()) {
            return "";
        }
        return " ("
                + String.join(
                        ", ",
                        rollout.fields().stream()
                                .limit(3)
                                .map(f -> f.describe())
                                .toList()) + ")";
    }
}
