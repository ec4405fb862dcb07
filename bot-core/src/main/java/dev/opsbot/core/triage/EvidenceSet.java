package dev.opsbot.core.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * All sources' evidence about one service, merged, with the questions rules ask of it. The symptom is computed
 * once here so that every rule judges time against the same onset.
 */
public final class EvidenceSet {
    private final Investigation investigation;
    private final List<SourceEvidence> parts;
    // merged and ordered once: every rule asks for them, some many times
    private final List<ChangeEvent> changes;
    private final List<Finding> findings;
    private final List<LogSignature> logs;
    private final SymptomReading symptom;

    public EvidenceSet(Investigation investigation, List<SourceEvidence> parts) {
        this.investigation = investigation;
        this.parts = List.copyOf(parts);
        this.changes = collect(SourceEvidence::changes, Comparator.comparing(ChangeEvent::at));
        this.findings = collect(SourceEvidence::findings, Comparator.comparing(Finding::at));
        this.logs = collect(
                SourceEvidence::logs,
                Comparator.comparingInt(LogSignature::count).reversed());
        this.symptom = SymptomReading.of(investigation, this);
    }

    public Investigation investigation() {
        return investigation;
    }

    public String service() {
        return investigation.service();
    }

    public String namespace() {
        return investigation.namespace();
    }

    public SymptomReading symptom() {
        return symptom;
    }

    public Inventory inventory() {
        return parts.stream()
                .map(SourceEvidence::inventory)
                .filter(Inventory::known)
                .findFirst()
                .orElse(Inventory.UNKNOWN);
    }

    /** The workload serving the service, or a Deployment of that name when no source could tell. */
    public ObjectRef workload() {
        Inventory inventory = inventory();
        return inventory.targetFound()
                ? inventory.workload()
                : ObjectRef.of("Deployment", investigation.namespace(), investigation.service());
    }

    public List<ChangeEvent> changes() {
        return changes;
    }

    public List<ChangeEvent> changes(ChangeKind kind) {
        return changes().stream().filter(c -> c.kind() == kind).toList();
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<Finding> findings(FindingKind kind) {
        return findings().stream().filter(f -> f.kind() == kind).toList();
    }

    public boolean has(FindingKind kind) {
        return findings().stream().anyMatch(f -> f.kind() == kind);
    }

    public List<SignalSeries> signals(SignalName name) {
        return parts.stream()
                .flatMap(p -> p.signals().stream())
                .filter(s -> s.signal() == name)
                .toList();
    }

    public List<LogSignature> logs() {
        return collect(
                SourceEvidence::logs,
                Comparator.comparingInt(LogSignature::count).reversed());
    }

    public List<LogSignature> logs(LogCategory category) {
        return logs().stream().filter(l -> l.category() == category).toList();
    }

    public Optional<LogSignature> firstLog(Predicate<LogSignature> which) {
        return logs().stream().filter(which).findFirst();
    }

    public List<Check> checks() {
        return parts.stream().flatMap(p -> p.checks().stream()).toList();
    }

    /** The most recent rollout of the workload at or before {@code at}, within the window. */
    public Optional<ChangeEvent> rolloutBefore(java.time.Instant at) {
        return changes(ChangeKind.ROLLOUT).stream()
                .filter(c -> !c.at().isAfter(at))
                .reduce((first, second) -> second);
    }

    private <T> List<T> collect(
            java.util.function.Function<SourceEvidence, List<T>> part, Comparator<? super T> order) {
        List<T> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(part.apply(p)));
        all.sort(order);
        return List.copyOf(all);
    }
}
