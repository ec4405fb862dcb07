package dev.opsbot.core.triage;

import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.core.triage.result.Symptom;
import dev.opsbot.core.triage.result.TimelineEntry;
import dev.opsbot.core.triage.result.TriageResult;
import dev.opsbot.core.triage.rules.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranked candidates and evidence into the contract's shape. */
final class ResultAssembler {
    static final int MAX_HYPOTHESES = 5;
    /** When the runner-up is this close, the leader is less certain than its own score says. */
    static final double CLOSE_CALL = 0.08;

    private ResultAssembler() {}

    static TriageResult assemble(
            EvidenceSet evidence, List<Candidate> ranked, List<TimelineEntry> timeline, List<SourceStatus> sources) {
        Investigation investigation = evidence.investigation();
        SymptomReading reading = evidence.symptom();
        Symptom symptom = new Symptom(investigation.symptom().jsonName(), reading.onset(), round(reading.peak()));
        List<Hypothesis> hypotheses = new ArrayList<>();
        for (int i = 0; i < Math.min(ranked.size(), MAX_HYPOTHESES); i++) {
            Candidate candidate = ranked.get(i);
            hypotheses.add(new Hypothesis(
                    i + 1,
                    candidate.cause(),
                    confidence(ranked, i),
                    candidate.culprit(),
                    candidate.summary(),
                    candidate.evidence(),
                    candidate.remediation()));
        }
        List<String> normal = evidence.checks().stream()
                .filter(Check::normal)
                .map(c -> c.source() + ": " + c.what() + " — " + c.detail())
                .toList();
        List<SourceStatus> ordered = sources.stream()
                .sorted(Comparator.comparing(SourceStatus::name))
                .toList();
        return new TriageResult(
                investigation.question(),
                investigation.service(),
                investigation.namespace(),
                symptom,
                hypotheses,
                timeline,
                ordered,
                normal);
    }

    private static double confidence(List<Candidate> ranked, int index) {
        double score = ranked.get(index).score();
        if (index == 0 && ranked.size() > 1 && score - ranked.get(1).score() < CLOSE_CALL) {
            // less certain, but never less than the runner-up it still ranks above
            score = Math.max(score - CLOSE_CALL, ranked.get(1).score());
        }
        return round(Math.max(0.01, Math.min(0.99, score)));
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }
}
