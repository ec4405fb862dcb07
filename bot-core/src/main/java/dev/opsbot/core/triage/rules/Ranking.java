package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs candidates against time and picks the order. A change more than a minute after the onset cannot be the
 * cause (score cut to a fifth); a failure that began well after the onset is more likely a consequence (cut by a
 * third). When nothing explains a present symptom the answer is {@code unknown}; when there is no symptom and
 * nothing abnormal, {@code healthy}.
 */
public final class Ranking {
    static final Duration CHANGE_GRACE = Duration.ofSeconds(60);
    static final Duration CONSEQUENCE_AFTER = Duration.ofMinutes(5);
    static final double EXPLAINS = 0.35;

    private Ranking() {}

    public static List<Candidate> rank(EvidenceSet evidence, List<Rule> rules) {
        Instant onset = evidence.symptom().onset();
        List<Candidate> proposed = new ArrayList<>();
        rules.forEach(rule -> proposed.addAll(rule.apply(evidence)));
        boolean explainedInTime = onset != null
                && proposed.stream()
                        .anyMatch(c -> c.anchor() != null && !c.anchor().isAfter(onset.plus(CONSEQUENCE_AFTER)));
        Map<String, Candidate> merged = new LinkedHashMap<>();
        for (Candidate candidate : proposed) {
            Candidate timed = againstTime(candidate, onset, explainedInTime);
            merged.merge(key(timed), timed, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Candidate> ranked = new ArrayList<>(merged.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (ranked.isEmpty() || ranked.getFirst().score() < EXPLAINS) {
            ranked.addFirst(evidence.symptom().present() ? unknown(evidence) : healthy(evidence));
        }
        return ranked;
    }

    /**
     * @param explainedInTime whether some candidate began by the onset: only then is a late failure a consequence.
     *     Sources often date a lasting state (a pod in CrashLoopBackOff) by its latest event, so when nothing began
     *     in time, a late date says more about the source than about the order of events.
     */
    static Candidate againstTime(Candidate candidate, Instant onset, boolean explainedInTime) {
        if (onset == null || candidate.anchor() == null) {
            return candidate;
        }
        if (candidate.changeBased() && candidate.anchor().isAfter(onset.plus(CHANGE_GRACE))) {
            return candidate
                    .withScore(candidate.score() * 0.2)
                    .withSummary(candidate.summary() + " — but this came after the onset at " + Times.clock(onset)
                            + ", so it is not the cause");
        }
        if (explainedInTime && !candidate.changeBased() && candidate.anchor().isAfter(onset.plus(CONSEQUENCE_AFTER))) {
            return candidate.withScore(candidate.score() * 0.67);
        }
        return candidate;
    }

    private static String key(Candidate candidate) {
        return candidate.cause() + "|" + candidate.culprit().ref().path();
    }

    private static Candidate unknown(EvidenceSet evidence) {
        Instant onset = evidence.symptom().onset();
        String summary = "the symptom began at " + Times.clock(onset)
                + " but no rule explains it; the timeline shows everything found";
        return new Candidate(
                Cause.UNKNOWN,
                0.3,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                summary,
                List.of(new EvidenceItem("triage", onset, "symptom onset")),
                null,
                onset,
                false);
    }

    private static Candidate healthy(EvidenceSet evidence) {
        long abnormal = evidence.checks().stream().filter(c -> !c.normal()).count();
        String summary = "no " + evidence.investigation().symptom().jsonName().replace('_', ' ')
                + " in the last " + evidence.investigation().window().toMinutes() + " minutes and nothing abnormal"
                + (abnormal == 0 ? "" : " that explains one");
        List<EvidenceItem> items = new ArrayList<>();
        evidence.checks().stream()
                .filter(c -> c.normal())
                .limit(4)
                .forEach(c -> items.add(new EvidenceItem(c.source(), null, c.what() + ": " + c.detail())));
        return new Candidate(
                Cause.HEALTHY,
                abnormal == 0 ? 0.9 : 0.7,
                Culprit.of(evidence.workload(), evidence.inventory().currentRevision()),
                summary,
                items,
                null,
                null,
                false);
    }
}
