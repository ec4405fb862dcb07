package dev.opsbot.tools.github;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.SourceEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads one repository's runs and deployments into the evidence. What fails becomes a gap; the outcome tells the
 * caller whether the repository answered at all.
 */
final class RepositoryChanges {
    /** Runs created this long before the window are still asked for: a long deploy may finish inside it. */
    static final Duration RUN_LOOKBACK = Duration.ofHours(1);
    /** Statuses are looked up for at most this many deployments per repository. */
    static final int MAX_STATUS_LOOKUPS = 5;

    sealed interface Outcome {}

    record Answered() implements Outcome {}

    record Missing() implements Outcome {}

    record Failed(SourceFailure failure) implements Outcome {}

    private final GitHubClient client;

    RepositoryChanges(GitHubClient client) {
        this.client = client;
    }

    Outcome read(RepoName repo, Instant from, Instant to, ToolContext context, SourceEvidence.Builder evidence) {
        int runs = -1;
        SourceFailure runsFailed = null;
        try {
            runs = runs(repo, from, to, context, evidence);
        } catch (SourceFailure failure) {
            if (failure.kind() == SourceFailure.Kind.NOT_FOUND) {
                evidence.normal("repository " + repo, "github: no repository " + repo);
                return new Missing();
            }
            evidence.gap("github workflow runs of " + repo + ": " + failure.getMessage());
            runsFailed = failure;
        }
        int deployments = -1;
        try {
            deployments = deployments(repo, from, to, context, evidence);
        } catch (SourceFailure failure) {
            evidence.gap("github deployments of " + repo + ": " + failure.getMessage());
            if (runsFailed != null) {
                return new Failed(runsFailed);
            }
        }
        evidence.normal("repository " + repo, describe(runs, deployments));
        return new Answered();
    }

    private int runs(RepoName repo, Instant from, Instant to, ToolContext context, SourceEvidence.Builder evidence) {
        List<WorkflowRun> runs =
                client.workflowRuns(repo, from.minus(RUN_LOOKBACK), "", GitHubClient.MAX_RUNS, context);
        int count = 0;
        for (WorkflowRun run : runs) {
            Optional<ChangeEvent> change = CiChanges.run(repo, run, from, to);
            if (change.isPresent()) {
                evidence.change(change.get());
                count++;
            }
        }
        return count;
    }

    private int deployments(
            RepoName repo, Instant from, Instant to, ToolContext context, SourceEvidence.Builder evidence) {
        List<Deployment> deployments = client.deployments(repo, "", GitHubClient.MAX_DEPLOYMENTS, context);
        StatusLookup statuses = new StatusLookup(repo, context, evidence);
        int count = 0;
        for (Deployment deployment : deployments) {
            if (CiChanges.deployment(repo, deployment, "", from, to).isEmpty()) {
                continue;
            }
            String state = statuses.latest(deployment.id());
            CiChanges.deployment(repo, deployment, state, from, to).ifPresent(evidence::change);
            count++;
        }
        return count;
    }

    private static String describe(int runs, int deployments) {
        String runText = runs < 0 ? "workflow runs unread" : runs + (runs == 1 ? " workflow run" : " workflow runs");
        String deploymentText = deployments < 0
                ? "deployments unread"
                : deployments + (deployments == 1 ? " deployment" : " deployments");
        return runText + " and " + deploymentText + " in the window";
    }

    /** The latest state of a few deployments; a failure becomes one gap and empty states after it. */
    private final class StatusLookup {
        private final RepoName repo;
        private final ToolContext context;
        private final SourceEvidence.Builder evidence;
        private int lookups;
        private boolean failed;

        StatusLookup(RepoName repo, ToolContext context, SourceEvidence.Builder evidence) {
            this.repo = repo;
            this.context = context;
            this.evidence = evidence;
        }

        String latest(long deploymentId) {
            if (failed || lookups >= MAX_STATUS_LOOKUPS) {
                return "";
            }
            lookups++;
            try {
                return client.deploymentStatuses(repo, deploymentId, 1, context).stream()
                        .findFirst()
                        .map(DeploymentStatus::state)
                        .orElse("");
            } catch (SourceFailure failure) {
                failed = true;
                evidence.gap("github deployment statuses of " + repo + ": " + failure.getMessage());
                return "";
            }
        }
    }
}
