package dev.opsbot.core.triage.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The triage result, shaped exactly as the JSON contract in ARCHITECTURE.md ({@code question} ... {@code timeline}),
 * plus two additive fields: {@code sources} (how each source did) and {@code normal} (what was checked and found
 * normal). Hypotheses are ranked, best first, and never empty.
 */
@JsonPropertyOrder({"question", "service", "namespace", "symptom", "hypotheses", "timeline", "sources", "normal"})
public record TriageResult(
        String question,
        String service,
        String namespace,
        Symptom symptom,
        List<Hypothesis> hypotheses,
        List<TimelineEntry> timeline,
        List<SourceStatus> sources,
        List<String> normal) {
    public TriageResult {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(symptom, "symptom");
        hypotheses = List.copyOf(hypotheses);
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("a triage result has at least one hypothesis");
        }
        timeline = List.copyOf(timeline);
        sources = List.copyOf(sources);
        normal = List.copyOf(normal);
    }

    public Hypothesis top() {
        return hypotheses.getFirst();
    }

    public List<SourceStatus> failedSources() {
        return sources.stream().filter(SourceStatus::failed).toList();
    }
}
