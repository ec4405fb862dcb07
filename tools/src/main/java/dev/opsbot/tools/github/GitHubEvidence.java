package dev.opsbot.tools.github;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service's CI runs and deployments inside the window, from its repositories: those configured for it, else the
 * configured repositories named like it, else the repository named like it under each default owner. A repository
 * that does not exist is a normal check; when no repository answers at all because of failures, the first failure
 * is thrown.
 */
public final class GitHubEvidence implements EvidenceSource {
    private final ServiceRepositories repositories;
    private final RepositoryChanges changes;

    /**
     * @param reposByService {@code owner/repo} names per service ({@code checkout -> [acme/checkout,
     *     acme/deploy-config]})
     * @param defaultOwners owners searched for a repository named like a service that nothing above names
     */
    public GitHubEvidence(GitHubClient client, Map<String, List<String>> reposByService, List<String> defaultOwners) {
        this(client, new ServiceRepositories(reposByService, List.of(), defaultOwners));
    }

    /** @param repositories {@code owner/repo} names; a service's are those named like it ({@code acme/checkout}) */
    public GitHubEvidence(GitHubClient client, List<String> repositories) {
        this(client, new ServiceRepositories(Map.of(), repositories, List.of()));
    }

    private GitHubEvidence(GitHubClient client, ServiceRepositories repositories) {
        this.repositories = repositories;
        this.changes = new RepositoryChanges(Objects.requireNonNull(client, "client"));
    }

    @Override
    public String name() {
        return GitHubClient.SOURCE;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        SourceEvidence.Builder evidence = SourceEvidence.builder(name());
        List<RepoName> repos = repositories.forService(investigation.service());
        if (repos.isEmpty()) {
            evidence.normal("repositories", "github: no repository configured for " + investigation.service());
            return evidence.build();
        }
        SourceFailure firstFailure = null;
        boolean answered = false;
        for (RepoName repo : repos) {
            RepositoryChanges.Outcome outcome =
                    changes.read(repo, investigation.from(), investigation.now(), context, evidence);
            switch (outcome) {
                case RepositoryChanges.Answered ignored -> answered = true;
                case RepositoryChanges.Missing ignored -> {}
                case RepositoryChanges.Failed failed ->
                    firstFailure = firstFailure == null ? failed.failure() : firstFailure;
            }
        }
        if (!answered && firstFailure != null) {
            throw firstFailure;
        }
        return evidence.build();
    }
}
