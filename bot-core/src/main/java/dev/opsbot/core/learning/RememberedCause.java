package dev.opsbot.core.learning;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.triage.result.EvidenceItem;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.TriageResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A hypothesis the team remembers: more confident, with the memory as evidence. */
final class RememberedCause {
    static final String SOURCE = "team-memory";
    private static final double MOST = 0.99;

    private RememberedCause() {}

    static Hypothesis strengthen(Hypothesis hypothesis, MemoryItem memory, double weight) {
        double confidence = Math.min(MOST, hypothesis.confidence() + (1 - hypothesis.confidence()) * weight);
        List<EvidenceItem> evidence = new ArrayList<>(hypothesis.evidence());
        evidence.add(new EvidenceItem(
                SOURCE,
                memory.source().at(),
                "the team remembers this (`" + memory.id() + "`, learned by "
                        + Recollection.person(memory.source().author()) + "): " + memory.text()));
        return new Hypothesis(
                hypothesis.rank(),
                hypothesis.cause(),
                Math.round(confidence * 100) / 100.0,
                hypothesis.culprit(),
                hypothesis.summary(),
                evidence,
                hypothesis.remediation());
    }

    /** The hypotheses by confidence again (a stable sort: ties keep triage's order), ranks renumbered. */
    static TriageResult reranked(TriageResult result, List<Hypothesis> hypotheses) {
        List<Hypothesis> sorted = new ArrayList<>(hypotheses);
        sorted.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed());
        List<Hypothesis> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Hypothesis h = sorted.get(i);
            ranked.add(new Hypothesis(
                    i + 1, h.cause(), h.confidence(), h.culprit(), h.summary(), h.evidence(), h.remediation()));
        }
        return new TriageResult(
                result.question(),
                result.service(),
                result.namespace(),
                result.symptom(),
                ranked,
                result.timeline(),
                result.sources(),
                result.normal());
    }
}
