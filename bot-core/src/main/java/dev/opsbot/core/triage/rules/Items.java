package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.util.List;

/** Evidence items as answers show them, made from the evidence model. */
final class Items {
    private static final int MAX_FINDINGS = 3;

    private Items() {}

    static EvidenceItem of(ChangeEvent change) {
        return new EvidenceItem(change.source(), change.at(), change.detail());
    }

    static EvidenceItem of(Finding finding) {
        return new EvidenceItem(finding.source(), finding.at(), finding.detail());
    }

    static EvidenceItem of(LogSignature log) {
        String times = log.first() == null ? "" : " since " + Times.clock(log.first());
        return new EvidenceItem(
                log.source(),
                log.first(),
                log.count() + " log line" + (log.count() == 1 ? "" : "s") + times + ": " + log.sample());
    }

    /** The first few findings (they repeat per pod); the summary carries the count. */
    static List<EvidenceItem> of(List<Finding> findings) {
        return findings.stream().limit(MAX_FINDINGS).map(Items::of).toList();
    }
}
