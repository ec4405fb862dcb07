package dev.opsbot.tools.github;

import dev.opsbot.core.tool.SourceFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which repositories build and deploy a service, first rule that finds any: the {@code owner/repo}s configured for
 * it; the configured repositories named like it (GitHub names are case-insensitive); a repository named like it under
 * each default owner ({@code acme/checkout}).
 */
final class ServiceRepositories {
    /** At most this many repositories are read per investigation. */
    static final int MAX_REPOSITORIES = 5;

    private final Map<String, List<RepoName>> byService = new LinkedHashMap<>();
    private final Set<RepoName> known = new LinkedHashSet<>();
    private final List<String> defaultOwners;

    /** A configured name that is not {@code owner/repo} fails here, at start, naming where it was configured. */
    ServiceRepositories(Map<String, List<String>> byService, List<String> repositories, List<String> defaultOwners) {
        byService.forEach((service, repos) -> this.byService.put(
                service,
                repos.stream()
                        .map(repo -> configured("github repositories of " + service, repo))
                        .toList()));
        this.byService.values().forEach(known::addAll);
        repositories.forEach(repo -> known.add(configured("github repositories", repo)));
        this.defaultOwners = List.copyOf(defaultOwners);
    }

    private static RepoName configured(String where, String repo) {
        try {
            return RepoName.parse(repo);
        } catch (SourceFailure invalid) {
            throw new IllegalArgumentException(where + ": " + invalid.getMessage());
        }
    }

    List<RepoName> forService(String service) {
        List<RepoName> repos = byService.getOrDefault(service, List.of());
        if (repos.isEmpty()) {
            String name = service.toLowerCase(Locale.ROOT);
            repos = known.stream()
                    .filter(repo -> repo.name().toLowerCase(Locale.ROOT).equals(name))
                    .toList();
        }
        if (repos.isEmpty()) {
            repos = guessed(service);
        }
        return repos.stream().limit(MAX_REPOSITORIES).toList();
    }

    private List<RepoName> guessed(String service) {
        List<RepoName> guessed = new ArrayList<>();
        for (String owner : defaultOwners) {
            try {
                guessed.add(new RepoName(owner, service));
            } catch (IllegalArgumentException notARepositoryName) {
                // a service name no repository can have: nothing to guess
            }
        }
        return guessed;
    }
}
