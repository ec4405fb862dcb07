package dev.opsbot.core.triage;

import dev.opsbot.core.triage.result.TriageResult;
import java.util.List;

/**
 * A finished investigation: the contract result, plus what the chart needs (the symptom's series, its onset, the
 * changes to mark).
 */
public record TriageReport(TriageResult result, SymptomReading symptom, List<ChangeEvent> changes) {
    public TriageReport {
        changes = List.copyOf(changes);
    }
}
