package dev.opsbot.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one source found for one investigation.
 *
 * @param gaps what this source could not check and why ("events: this identity lacks permission events/list"),
 *     while the rest of its evidence stands
 */
public record SourceEvidence(
        String source,
        Inventory inventory,
        List<ChangeEvent> changes,
        List<Finding> findings,
        List<SignalSeries> signals,
        List<LogSignature> logs,
        List<Check> checks,
        List<String> gaps) {
    public SourceEvidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inventory, "inventory");
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        signals = List.copyOf(signals);
        logs = List.copyOf(logs);
        checks = List.copyOf(checks);
        gaps = List.copyOf(gaps);
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Collects evidence as a source walks its objects. Not thread-safe: one per collection. */
    public static final class Builder {
        private final String source;
        private Inventory inventory = Inventory.UNKNOWN;
        private final List<ChangeEvent> changes = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<SignalSeries> signals = new ArrayList<>();
        private final List<LogSignature> logs = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<String> gaps = new ArrayList<>();

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public String source() {
            return source;
        }

        public Builder inventory(Inventory value) {
            inventory = value;
            return this;
        }

        public Builder change(ChangeEvent change) {
            changes.add(change);
            return this;
        }

        public Builder finding(Finding finding) {
            findings.add(finding);
            return this;
        }

        public Builder signal(SignalSeries series) {
            signals.add(series);
            return this;
        }

        public Builder logs(List<LogSignature> signatures) {
            logs.addAll(signatures);
            return this;
        }

        public Builder normal(String what, String detail) {
            checks.add(Check.normal(source, what, detail));
            return this;
        }

        public Builder abnormal(String what, String detail) {
            checks.add(Check.abnormal(source, what, detail));
            return this;
        }

        public Builder gap(String what) {
            gaps.add(what);
            return this;
        }

        public SourceEvidence build() {
            return new SourceEvidence(source, inventory, changes, findings, signals, logs, checks, gaps);
        }
    }
}
