package dev.opsbot.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub (or GitHub Enterprise Server) as a source of changes: Actions workflow runs and deployments. On when a
 * token is set.
 *
 * @param url the REST API base: {@code https://api.github.com}, or {@code https://github.example.com/api/v3}
 * @param token a token that may read the repositories' Actions and deployments; {@code null} turns the source off
 * @param repositories {@code owner/repo} names; a repository named like the service under investigation is
 *     matched to it
 */
public record GitHubSourceConfig(String url, Secret token, List<String> repositories) {
    public static final String DEFAULT_URL = "https://api.github.com";

    // GitHub's rules: owners are letters, digits and '-'; repositories also '.' and '_'
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");
    private static final String URL_FIX = DEFAULT_URL + ", or https://github.example.com/api/v3 for GitHub Enterprise";

    public GitHubSourceConfig {
        url = Checks.httpUrl("sources.github.url", url, "https://github.example.com/api/v3");
        if (url == null) {
            throw new ConfigException("sources.github.url", null, "is not set", "use " + URL_FIX);
        }
        repositories = List.copyOf(repositories == null ? List.of() : repositories);
        checkRepositories(repositories);
    }

    public static GitHubSourceConfig defaults() {
        return new GitHubSourceConfig(DEFAULT_URL, null, List.of());
    }

    /** Whether opsbot should ask GitHub at all. */
    public boolean enabled() {
        return token != null;
    }

    private static void checkRepositories(List<String> repositories) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < repositories.size(); i++) {
            String key = "sources.github.repositories[" + i + "]";
            String repository = Checks.text(key, repositories.get(i), "write each repository as owner/repo");
            if (!REPOSITORY.matcher(repository).matches()) {
                throw new ConfigException(
                        key, repository, "is not an owner/repo name", "write it as owner/repo, such as acme/checkout");
            }
            // GitHub's names are case-insensitive: Acme/Checkout is acme/checkout
            if (!seen.add(repository.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(key, repository, "is listed twice", "list each repository once");
            }
        }
    }

    static GitHubSourceConfig from(ConfigNode node) {
        GitHubSourceConfig config = new GitHubSourceConfig(
                node.string("url", DEFAULT_URL), node.secret("token"), node.strings("repositories", List.of()));
        node.rejectUnknown();
        return config;
    }
}
