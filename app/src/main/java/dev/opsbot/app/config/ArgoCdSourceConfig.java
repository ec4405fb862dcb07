package dev.opsbot.app.config;

/**
 * Argo CD as a source of changes: each Application's sync history and operation state. On when a URL is set.
 *
 * @param url the Argo CD server, such as {@code https://argocd.example.com}; {@code null} turns the source off
 * @param token an API token of an account that may read applications; {@code null} only works when Argo CD allows
 *     anonymous access
 */
public record ArgoCdSourceConfig(String url, Secret token) {
    public ArgoCdSourceConfig {
        url = Checks.httpUrl("sources.argocd.url", url, "https://argocd.example.com");
    }

    public static ArgoCdSourceConfig defaults() {
        return new ArgoCdSourceConfig(null, null);
    }

    /** Whether opsbot should ask Argo CD at all. */
    public boolean enabled() {
        return url != null;
    }

    static ArgoCdSourceConfig from(ConfigNode node) {
        ArgoCdSourceConfig config = new ArgoCdSourceConfig(node.text("url"), node.secret("token"));
        node.rejectUnknown();
        return config;
    }
}
