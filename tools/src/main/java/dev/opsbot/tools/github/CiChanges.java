package dev.opsbot.tools.github;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workflow runs and deployments as {@link ChangeKind#CI_RUN} changes, when they fall inside the window. */
final class CiChanges {
    private CiChanges() {}

    /**
     * A run counts when it was last updated (finished, for a completed run) inside the window, or else started
     * inside it; {@code at} is that time.
     */
    static Optional<ChangeEvent> run(RepoName repo, WorkflowRun run, Instant from, Instant to) {
        Instant at = firstInside(from, to, run.updatedAt(), run.runStartedAt(), run.createdAt());
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(change(at, repo, run.actor(), describe(run)));
    }

    /** A deployment counts when it was created, or else last updated, inside the window. */
    static Optional<ChangeEvent> deployment(
            RepoName repo, Deployment deployment, String state, Instant from, Instant to) {
        Instant at = firstInside(from, to, deployment.createdAt(), deployment.updatedAt());
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(change(at, repo, deployment.creator(), describe(deployment, state)));
    }

    /** {@code GitHub Actions 'deploy' run #812 on main (abc1234) by alice: success}. */
    static String describe(WorkflowRun run) {
        return "GitHub Actions '" + run.name() + "' run #" + run.runNumber() + " on " + run.branch() + " ("
                + run.shortSha() + ")" + (run.actor().isEmpty() ? "" : " by " + run.actor()) + ": " + run.outcome();
    }

    /** {@code GitHub deployment of abc1234 (main) to production by alice: success}. */
    static String describe(Deployment deployment, String state) {
        return "GitHub deployment of " + deployment.shortSha() + " (" + deployment.ref() + ") to "
                + deployment.environment()
                + (deployment.creator().isEmpty() ? "" : " by " + deployment.creator()) + ": "
                + (state.isEmpty() ? "no status" : state);
    }

    private static ChangeEvent change(Instant at, RepoName repo, String author, String detail) {
        return new ChangeEvent(
                at, GitHubClient.SOURCE, ChangeKind.CI_RUN, repo.ref(), null, null, author, detail, List.of());
    }

    private static Instant firstInside(Instant from, Instant to, Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null && !candidate.isBefore(from) && !candidate.isAfter(to)) {
                return candidate;
            }
        }
        return null;
    }
}
