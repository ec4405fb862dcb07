package dev.opsbot.app.config;

import java.util.Objects;

/**
 * Where triage gathers evidence. Each source is on or off on its own (see each record's {@code enabled()}). The
 * defaults turn every one off: {@code serve} assumes nothing about where it runs, and the demo and the scenarios
 * wire sources of their own.
 */
public record SourcesConfig(
        KubernetesSourceConfig kubernetes,
        PrometheusSourceConfig prometheus,
        CloudWatchSourceConfig cloudwatch,
        ArgoCdSourceConfig argocd,
        GitHubSourceConfig github) {

    public SourcesConfig {
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(cloudwatch, "cloudwatch");
        Objects.requireNonNull(argocd, "argocd");
        Objects.requireNonNull(github, "github");
    }

    public static SourcesConfig defaults() {
        return new SourcesConfig(
                KubernetesSourceConfig.defaults(),
                PrometheusSourceConfig.defaults(),
                CloudWatchSourceConfig.defaults(),
                ArgoCdSourceConfig.defaults(),
                GitHubSourceConfig.defaults());
    }

    static SourcesConfig from(ConfigNode node) {
        // every section first, so a misspelt source name is reported before anything inside the others
        ConfigNode kubernetes = node.section("kubernetes");
        ConfigNode prometheus = node.section("prometheus");
        ConfigNode cloudwatch = node.section("cloudwatch");
        ConfigNode argocd = node.section("argocd");
        ConfigNode github = node.section("github");
        node.rejectUnknown();
        return new SourcesConfig(
                KubernetesSourceConfig.from(kubernetes),
                PrometheusSourceConfig.from(prometheus),
                CloudWatchSourceConfig.from(cloudwatch),
                ArgoCdSourceConfig.from(argocd),
                GitHubSourceConfig.from(github));
    }
}
