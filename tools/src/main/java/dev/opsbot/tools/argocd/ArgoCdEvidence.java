package dev.opsbot.tools.argocd;

import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Argo CD knows about the investigated service: its application's syncs inside the window as changes, and its
 * health, sync status and last operation as checks. A service that no application deploys is a normal check, not
 * an error; an Argo CD that cannot be listed at all throws {@link dev.opsbot.core.tool.SourceFailure}.
 */
public final class ArgoCdEvidence implements EvidenceSource {
    private final ArgoCdClient client;
    private final SyncChanges syncs;

    public ArgoCdEvidence(ArgoCdClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.syncs = new SyncChanges(client);
    }

    @Override
    public String name() {
        return ArgoCdClient.SOURCE;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        SourceEvidence.Builder evidence = SourceEvidence.builder(name());
        List<Application> applications = client.listApplications(context);
        Optional<Application> found =
                ApplicationMatcher.find(applications, investigation.service(), investigation.namespace());
        if (found.isEmpty()) {
            evidence.normal("application", "argocd: no application for " + investigation.service());
            return evidence.build();
        }
        Application app = found.get();
        syncs.collect(app, investigation.from(), investigation.now(), context, evidence);
        ApplicationChecks.record(app, evidence);
        return evidence.build();
    }
}
