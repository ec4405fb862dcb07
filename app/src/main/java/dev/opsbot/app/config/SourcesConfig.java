package dev.opsbot.app.config;

import java.util.Objects;

/**
 * Where triage gathers evidence, and what the model may read with: each source is on or off on its own (see each
 * record's {@code enabled()}). {@code cost} and {@code compliance} give the model read tools only; they are not
 * evidence sources of triage. The defaults turn every one off: {@code serve} assumes nothing about where it runs, and
 * the demo and the scenarios wire sources of their own.
 */
public record SourcesConfig(
        KubernetesSourceConfig kubernetes,
        PrometheusSourceConfig prometheus,
        CloudWatchSourceConfig cloudwatch,
        ArgoCdSourceConfig argocd,
        GitHubSourceConfig github,
        CostSourceConfig cost,
        ComplianceSourceConfig compliance) {

    public SourcesConfig {
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(cloudwatch, "cloudwatch");
        Objects.requireNonNull(argocd, "argocd");
        Objects.requireNonNull(github, "github");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(compliance, "compliance");
    }

    /** The evidence sources alone: the model's read-only sources ({@code cost}, {@code compliance}) off. */
    public SourcesConfig(
            KubernetesSourceConfig kubernetes,
            PrometheusSourceConfig prometheus,
            CloudWatchSourceConfig cloudwatch,
            ArgoCdSourceConfig argocd,
            GitHubSourceConfig github) {
        this(
                kubernetes,
                prometheus,
                cloudwatch,
                argocd,
                github,
                CostSourceConfig.defaults(),
                ComplianceSourceConfig.defaults());
    }

    public static SourcesConfig defaults() {
        return new SourcesConfig(
                KubernetesSourceConfig.defaults(),
                PrometheusSourceConfig.defaults(),
                CloudWatchSourceConfig.defaults(),
                ArgoCdSourceConfig.defaults(),
                GitHubSourceConfig.defaults(),
                CostSourceConfig.defaults(),
                ComplianceSourceConfig.defaults());
    }

    static SourcesConfig from(ConfigNode node) {
        // every section first, so a misspelt source name is reported before anything inside the others
        ConfigNode kubernetes = node.section("kubernetes");
        ConfigNode prometheus = node.section("prometheus");
        ConfigNode cloudwatch = node.section("cloudwatch");
        ConfigNode argocd = node.section("argocd");
        ConfigNode github = node.section("github");
        ConfigNode cost = node.section("cost");
        ConfigNode compliance = node.section("compliance");
        node.rejectUnknown();
        return new SourcesConfig(
                KubernetesSourceConfig.from(kubernetes),
                PrometheusSourceConfig.from(prometheus),
                CloudWatchSourceConfig.from(cloudwatch),
                ArgoCdSourceConfig.from(argocd),
                GitHubSourceConfig.from(github),
                CostSourceConfig.from(cost),
                ComplianceSourceConfig.from(compliance));
    }
}
