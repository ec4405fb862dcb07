package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Adds findings to the evidence once per key: the same fact often shows in a pod's status and in its events, and
 * the status (read first) is the better witness.
 */
public final class FindingSink {
    private final SourceEvidence.Builder evidence;
    private final Set<String> seen = new HashSet<>();

    public FindingSink(SourceEvidence.Builder evidence) {
        this.evidence = evidence;
    }

    public boolean seen(FindingKind kind, String key) {
        return seen.contains(kind + "/" + key);
    }

    /** Adds the finding unless one of this kind and key was added already. */
    public void add(
            String key,
            Instant at,
            FindingKind kind,
            ObjectRef subject,
            String detail,
            Map<String, String> attributes) {
        if (seen.add(kind + "/" + key)) {
            evidence.finding(new Finding(at, evidence.source(), kind, subject, detail, attributes));
        }
    }
}
