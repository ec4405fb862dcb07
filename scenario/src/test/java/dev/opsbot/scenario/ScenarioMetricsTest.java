package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioMetricsTest {
    private static final String ERROR_RATIO = "sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[5m]))"
            + " / sum(rate(http_requests_total{service=\"checkout\"}[5m]))";

    @Test
    void promqlIsAnsweredFromTheScenariosSamples() {
        Scenario scenario = TestScenarios.mini();
        MetricsQuerier metrics = ScenarioMetrics.of(scenario);

        List<Series> now = metrics.instant(ERROR_RATIO, scenario.now());
        assertThat(now).hasSize(1);
        assertThat(now.get(0).points().get(0).value()).isCloseTo(0.2, within(0.01));

        List<Series> before = metrics.instant(ERROR_RATIO, Instant.parse("2026-03-10T02:25:00Z"));
        assertThat(before.get(0).points().get(0).value()).isZero();

        List<Series> range = metrics.range(
                "max_over_time(container_memory_working_set_bytes{pod=\"checkout-5f7b8c9d6-abcde\"}[5m])",
                scenario.now().minus(Duration.ofMinutes(30)),
                scenario.now(),
                Duration.ofMinutes(1));
        assertThat(range).hasSize(1);
        assertThat(range.get(0).points()).hasSize(31);
    }

    @Test
    void everyMetricsFileIsMerged() {
        Scenario mini = TestScenarios.mini();
        String second = """
                # TYPE kube_horizontalpodautoscaler_status_current_replicas gauge
                kube_horizontalpodautoscaler_status_current_replicas{namespace="shop",horizontalpodautoscaler="checkout"} 2 1773110400
                # EOF
                """;
        Scenario scenario =
                withMetricFiles(mini, Map.of("a.om", mini.metricFiles().get("checkout.om"), "b.om", second));

        MetricsQuerier metrics = ScenarioMetrics.of(scenario);

        assertThat(metrics.instant("kube_horizontalpodautoscaler_status_current_replicas", scenario.now()))
                .hasSize(1);
        assertThat(metrics.instant("http_requests_total", scenario.now())).hasSize(2);
    }

    @Test
    void aFileThatDoesNotParseIsAScenarioException() {
        Scenario scenario = withMetricFiles(TestScenarios.mini(), Map.of("broken.om", "this is not openmetrics\n"));

        assertThatThrownBy(() -> ScenarioMetrics.of(scenario))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("metrics/broken.om:1: ");
    }

    @Test
    void theServerAnswersMetricsToo() {
        Scenario scenario = TestScenarios.mini();
        try (ScenarioServer server = ScenarioServer.start(scenario)) {
            assertThat(server.metricFiles()).containsOnlyKeys("checkout.om");
            assertThat(server.metrics().instant(ERROR_RATIO, scenario.now())).hasSize(1);
            assertThat(server.metrics()).isSameAs(server.metrics());
        }
    }

    private static Scenario withMetricFiles(Scenario s, Map<String, String> files) {
        return new Scenario(
                s.name(),
                s.now(),
                s.question(),
                s.namespace(),
                s.service(),
                s.channel(),
                s.expectation(),
                s.description(),
                s.kubernetesObjects(),
                s.logs(),
                files,
                s.argocdApplications(),
                s.githubRuns(),
                s.githubDeployments());
    }
}
