package dev.opsbot.core.triage;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.result.SourceStatus;

/** What asking one source came to: its evidence, or the failure that stopped it. */
record SourceOutcome(String source, SourceEvidence evidence, SourceFailure failure, long millis) {

    static SourceOutcome answered(SourceEvidence evidence, long millis) {
        return new SourceOutcome(evidence.source(), evidence, null, millis);
    }

    static SourceOutcome failed(String source, SourceFailure failure, long millis) {
        return new SourceOutcome(source, null, failure, millis);
    }

    boolean answered() {
        return evidence != null;
    }

    SourceStatus status() {
        if (failure != null) {
            return new SourceStatus(source, SourceStatus.FAILED, failure.getMessage(), millis);
        }
        long items = (long) evidence.changes().size()
                + evidence.findings().size()
                + evidence.signals().size()
                + evidence.logs().size()
                + evidence.checks().size();
        if (!evidence.gaps().isEmpty()) {
            return new SourceStatus(source, SourceStatus.PARTIAL, String.join("; ", evidence.gaps()), millis, items);
        }
        return new SourceStatus(source, SourceStatus.OK, "", millis, items);
    }
}
