package dev.opsbot.core.triage;

import dev.opsbot.core.triage.result.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One timeline of changes, the symptom's onset, failure findings and the first appearance of each log signature,
 * oldest first. Findings that repeat per pod are kept once per kind and subject; the whole is capped so that the
 * answer stays readable.
 */
final class Timeline {
    static final int MAX_ENTRIES = 60;

    private Timeline() {}

    static List<TimelineEntry> of(EvidenceSet evidence, String prefix) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (ChangeEvent change : evidence.changes()) {
            entries.add(
                    new TimelineEntry(change.at(), change.source(), TimelineEntry.CHANGE, prefix + change.detail()));
        }
        SymptomReading symptom = evidence.symptom();
        if (symptom.present()) {
            String what = evidence.investigation().symptom().jsonName() + " onset"
                    + (symptom.fromMetrics() ? "" : " (first failure; no metrics)");
            entries.add(new TimelineEntry(symptom.onset(), "triage", TimelineEntry.SIGNAL, prefix + what));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Finding finding : evidence.findings()) {
            if (seen.add(finding.kind() + "|" + finding.subject().path())) {
                entries.add(new TimelineEntry(
                        finding.at(), finding.source(), TimelineEntry.EVENT, prefix + finding.detail()));
            }
        }
        for (LogSignature log : evidence.logs()) {
            if (log.first() != null) {
                entries.add(new TimelineEntry(
                        log.first(),
                        log.source(),
                        TimelineEntry.SIGNAL,
                        prefix + "first of " + log.count() + " log lines: " + log.signature()));
            }
        }
        Instant from = evidence.investigation().from();
        return entries.stream()
                .filter(e -> !e.at().isBefore(from))
                .sorted(Comparator.comparing(TimelineEntry::at))
                .limit(MAX_ENTRIES)
                .toList();
    }
}
