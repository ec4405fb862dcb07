package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.triage.SignalName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source records built in code: when each source is on, and the rules the file reader relies on. */
class SourcesConfigTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void prometheusAndArgoCdAreOnWhenAUrlIsSet() {
        assertThat(new PrometheusSourceConfig("http://p:9090", null, STEP, Map.of()).enabled())
                .isTrue();
        assertThat(new PrometheusSourceConfig(" ", new Secret("t"), STEP, Map.of()).enabled())
                .as("a token alone does not turn it on")
                .isFalse();
        assertThat(new ArgoCdSourceConfig("https://argocd.internal", null).enabled())
                .isTrue();
        assertThat(new ArgoCdSourceConfig(null, new Secret("t")).enabled()).isFalse();
    }

    @Test
    void gitHubIsOnWhenATokenIsSet() {
        assertThat(new GitHubSourceConfig(GitHubSourceConfig.DEFAULT_URL, new Secret("ghp"), List.of()).enabled())
                .isTrue();
        assertThat(GitHubSourceConfig.defaults().enabled()).isFalse();
    }

    @Test
    void kubernetesAndCloudWatchAreOnByTheirFlag() {
        assertThat(new KubernetesSourceConfig(true, null, true, Duration.ofSeconds(5)).enabled())
                .isTrue();
        assertThat(new CloudWatchSourceConfig(true, null, null, null, null).enabled())
                .isTrue();
        assertThat(new CloudWatchSourceConfig(true, null, null, null, null).logGroups())
                .isEmpty();
    }

    @Test
    void theSignalKeysAreTheSignalsTriageKnows() {
        assertThat(PrometheusSourceConfig.SIGNALS)
                .containsExactlyElementsOf(Arrays.stream(SignalName.values())
                        .map(SignalName::jsonName)
                        .toList())
                .containsExactly(
                        "error_ratio",
                        "request_rate",
                        "latency_p99",
                        "restarts",
                        "memory_vs_limit",
                        "cpu_throttling",
                        "hpa_current_vs_max",
                        "volume_free",
                        "cert_expiry");
    }

    @Test
    void signalOverridesAreCheckedWhenBuiltInCodeToo() {
        assertThatThrownBy(() -> new PrometheusSourceConfig(null, null, STEP, Map.of("latency_p95", "up")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sources.prometheus.signals.latency_p95: is not a known key; did you mean"
                        + " sources.prometheus.signals.latency_p99?");
        assertThatThrownBy(() -> new PrometheusSourceConfig(null, null, STEP, Map.of("restarts", "  ")))
                .hasMessage("sources.prometheus.signals.restarts: is empty; write the PromQL for restarts, or leave"
                        + " restarts out for the built-in query");
        assertThatThrownBy(() -> new PrometheusSourceConfig(null, null, STEP, Map.of("restarts", "up{ns=\"$ns\"}")))
                .hasMessage("sources.prometheus.signals.restarts: \"up{ns=\"$ns\"}\" uses the placeholder $ns, which is"
                        + " not known; use $namespace or $service, which triage fills in");
    }

    @Test
    void placeholdersAreTakenAsWordsSoAPrefixIsNoMatch() {
        assertThatThrownBy(() -> new PrometheusSourceConfig(
                        null, null, STEP, Map.of("request_rate", "sum(rate(x{svc=\"$service_name\"}[5m]))")))
                .hasMessageContaining(
                        "uses the placeholder $service_name, which is not known; use $namespace or $service");
        assertThat(new PrometheusSourceConfig(
                                null,
                                null,
                                STEP,
                                Map.of("restarts", "up{pod=~\"^$service-[a-z0-9-]+$\",namespace=\"$namespace\"}"))
                        .signals())
                .as("a regex anchor is no placeholder")
                .containsKey("restarts");
    }

    @Test
    void signalOverridesAreTrimmedImmutableAndInSignalOrder() {
        Map<String, String> overrides = new HashMap<>(Map.of("cert_expiry", " q2 ", "error_ratio", "q1"));

        PrometheusSourceConfig prometheus = new PrometheusSourceConfig(null, null, STEP, overrides);
        overrides.put("restarts", "changed");

        assertThat(prometheus.signals())
                .containsExactly(Map.entry("error_ratio", "q1"), Map.entry("cert_expiry", "q2"));
        assertThat(new PrometheusSourceConfig(null, null, STEP, null).signals()).isEmpty();
        assertThatThrownBy(() -> prometheus.signals().put("restarts", "up"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listsAreCopied() {
        List<String> repositories = new ArrayList<>(List.of("acme/checkout"));
        List<String> logGroups = new ArrayList<>(List.of("/aws/eks/$service"));

        GitHubSourceConfig github = new GitHubSourceConfig(GitHubSourceConfig.DEFAULT_URL, null, repositories);
        CloudWatchSourceConfig cloudwatch = new CloudWatchSourceConfig(true, null, logGroups, null, null);
        repositories.add("acme/other");
        logGroups.add("/other");

        assertThat(github.repositories()).containsExactly("acme/checkout");
        assertThat(cloudwatch.logGroups()).containsExactly("/aws/eks/$service");
    }

    @Test
    void gitHubNeedsAnApiUrl() {
        assertThatThrownBy(() -> new GitHubSourceConfig(null, new Secret("ghp"), List.of()))
                .hasMessage("sources.github.url: is not set; use https://api.github.com, or"
                        + " https://github.example.com/api/v3 for GitHub Enterprise");
    }

    @Test
    void noSourcePrintsItsToken() {
        SourcesConfig sources = new SourcesConfig(
                KubernetesSourceConfig.defaults(),
                new PrometheusSourceConfig("http://p:9090", new Secret("prom-secret"), STEP, Map.of()),
                CloudWatchSourceConfig.defaults(),
                new ArgoCdSourceConfig("https://argocd.internal", new Secret("argo-secret")),
                new GitHubSourceConfig(GitHubSourceConfig.DEFAULT_URL, new Secret("gh-secret"), List.of()));

        assertThat(sources.toString())
                .doesNotContain("prom-secret", "argo-secret", "gh-secret")
                .contains("token=***");
    }
}
