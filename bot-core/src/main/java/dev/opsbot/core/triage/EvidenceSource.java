package dev.opsbot.core.triage;

import dev.opsbot.core.tool.ToolContext;

/**
 * One place evidence comes from (Kubernetes, Prometheus, Argo CD, GitHub, CloudWatch). Triage asks every configured
 * source in parallel, each under its own deadline, as the person in the context.
 *
 * <p>A source that cannot answer at all throws {@link dev.opsbot.core.tool.SourceFailure}; one that can answer in
 * part returns what it found and names the rest in {@link SourceEvidence#gaps()}.
 */
public interface EvidenceSource {

    /** Short lower-case name used in answers and the triage JSON: {@code kubernetes}, {@code prometheus}. */
    String name();

    SourceEvidence collect(Investigation investigation, ToolContext context);
}
