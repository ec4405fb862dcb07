package dev.opsbot.tools.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that a scenario's metrics answer like production: the same OpenMetrics files are loaded into a real
 * Prometheus (through promtool, as an operator backfills) and into {@link InMemoryMetrics}, and triage's queries must
 * give the same series with the same values (within 1e-9, relative) from both, as range and as instant queries.
 *
 * <p>The fixture (src/test/resources/prometheus/parity) is an hour of a checkout incident: 5xx from 02:33, a pod
 * OOM-restarting twice (counter resets, scrape gaps), a pod replaced at 02:50 (series ending and starting), scrapes at
 * 15, 30 and 60 s with fractional-second offsets, a missed cAdvisor scrape, empty label values, a Micrometer
 * histogram, and the kube-state-metrics, cAdvisor, kubelet and cert-manager series triage reads.
 */
class PrometheusParityIT {
    private static final Instant START = Instant.parse("2026-03-10T02:00:00Z");
    private static final Instant END = Instant.parse("2026-03-10T03:10:00Z");
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private static RealPrometheus prometheus;
    private static MetricsQuerier real;
    private static MetricsQuerier inMemory;

    @BeforeAll
    static void loadTheFixtureIntoBothSources() throws Exception {
        Path fixture = fixtureDirectory();
        prometheus = RealPrometheus.start(fixture);
        real = PrometheusClient.builder(prometheus.baseUrl())
                .timeout(Duration.ofSeconds(30))
                .build();
        inMemory = InMemoryMetrics.fromDirectory(fixture);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    static Stream<String> triageQueries() {
        return Stream.of(
                // HTTP errors, kube-style counter
                "sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))",
                "sum by (service) (rate(http_requests_total{code=~\"5..\"}[5m]))"
                        + " / sum by (service) (rate(http_requests_total[5m]))",
                "sum by (pod) (rate(http_requests_total{namespace=\"shop\", service=\"checkout\", code!~\"2..\"}[2m]))",
                "sum without (pod) (rate(http_requests_total[5m]))",
                "sum(increase(http_requests_total{code=\"500\"}[10m])) by (pod)",
                "rate(http_requests_total{service=\"checkout\"}[1m])",
                "irate(http_requests_total{code=\"200\"}[1m])",
                "delta(http_requests_total{service=\"cart\"}[3m])",
                "count by (code) (http_requests_total)",
                "avg by (service) (rate(http_requests_total[5m]))",
                "max(rate(http_requests_total{code=\"500\"}[5m])) - min(rate(http_requests_total{code=\"500\"}[5m]))",
                "http_requests_total{pod=\"checkout-7d9f-def34\"}",
                // Micrometer counter and histogram
                "sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                        + " / sum(rate(http_server_requests_seconds_count[5m]))",
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))",
                "histogram_quantile(0.5, sum by (le, status) (rate(http_server_requests_seconds_bucket{service=\"checkout\"}[5m])))",
                "histogram_quantile(0.9, rate(http_server_requests_seconds_bucket[10m]))",
                "sum(rate(http_server_requests_seconds_sum[5m])) / sum(rate(http_server_requests_seconds_count[5m]))",
                // Restarts
                "increase(kube_pod_container_status_restarts_total[5m])",
                "sum by (pod) (increase(kube_pod_container_status_restarts_total{namespace=\"shop\"}[15m])) > 0",
                "kube_pod_container_status_restarts_total > 0",
                "rate(kube_pod_container_status_restarts_total[10m]) > bool 0",
                // Memory against the limit
                "container_memory_working_set_bytes{container!=\"\"}"
                        + " / on(namespace, pod, container) kube_pod_container_resource_limits{resource=\"memory\"}",
                "container_memory_working_set_bytes"
                        + " / ignoring(image, node, resource, unit) kube_pod_container_resource_limits{resource=\"memory\"}",
                "max by (pod) (max_over_time(container_memory_working_set_bytes[10m]))",
                "min_over_time(container_memory_working_set_bytes{container=\"checkout\"}[5m])",
                "avg_over_time(container_memory_working_set_bytes{container=\"checkout\"}[5m])",
                "last_over_time(container_memory_working_set_bytes{container=\"\"}[2m])",
                "delta(container_memory_working_set_bytes{container=\"checkout\"}[5m])",
                "abs(delta(container_memory_working_set_bytes{container=\"checkout\"}[2m]))",
                "container_memory_working_set_bytes{pod=~\"checkout-7d9f-.*\", container=\"checkout\"} > 200e6",
                // CPU throttling
                "sum by (pod) (rate(container_cpu_cfs_throttled_periods_total[5m]))"
                        + " / sum by (pod) (rate(container_cpu_cfs_periods_total[5m]))",
                "rate(container_cpu_cfs_throttled_periods_total[5m]) / rate(container_cpu_cfs_periods_total[5m]) > 0.25",
                // HPA
                "kube_horizontalpodautoscaler_status_current_replicas / kube_horizontalpodautoscaler_spec_max_replicas",
                "kube_horizontalpodautoscaler_status_current_replicas"
                        + " >= bool on(namespace, horizontalpodautoscaler) kube_horizontalpodautoscaler_spec_max_replicas",
                "kube_horizontalpodautoscaler_status_current_replicas == kube_horizontalpodautoscaler_spec_max_replicas",
                "-kube_horizontalpodautoscaler_status_current_replicas + 10",
                // Volumes
                "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes",
                "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.1",
                "1 - kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes",
                // Certificates
                "certmanager_certificate_expiration_timestamp_seconds - time()",
                "(certmanager_certificate_expiration_timestamp_seconds - time()) / 86400 < 7",
                "clamp_min(certmanager_certificate_expiration_timestamp_seconds - time(), 0)",
                "clamp_max((certmanager_certificate_expiration_timestamp_seconds - time()) / 3600, 48)",
                // Set operators, scalars, NaN and infinities
                "rate(http_requests_total{code=\"500\"}[5m]) > 0"
                        + " and on(pod) increase(kube_pod_container_status_restarts_total[10m]) > 0",
                "sum by (pod) (rate(http_requests_total{code=\"500\"}[5m])) or on(pod) (sum by (pod) (rate(http_requests_total[5m])) * 0)",
                "sum by (pod) (rate(http_requests_total[5m])) unless on(pod) kube_pod_container_status_restarts_total > 0",
                "sum(rate(http_requests_total{code=~\"5..\"}[5m])) / (sum(rate(http_requests_total{code=~\"5..\"}[5m])) * 0)",
                "sum(rate(http_requests_total{code=\"404\"}[5m])) / sum(rate(http_requests_total{code=\"500\", service=\"cart\"}[5m]) or vector(0))",
                "scalar(sum(kube_horizontalpodautoscaler_spec_max_replicas)) * 2",
                "vector(1) + 1",
                "time()",
                "(2 + 3) * 4 ^ 2 / 8 - -1",
                "http_requests_total % 7",
                "sum(http_requests_total{service=\"cart\"}) ^ 0.5");
    }

    /** The PromQL triage actually sends: every named signal's built-in query, for the fixture's service. */
    static Stream<dev.opsbot.core.triage.SignalName> namedSignals() {
        return Stream.of(dev.opsbot.core.triage.SignalName.values());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("namedSignals")
    void everyNamedSignalHasTheSameValuesFromBothSources(dev.opsbot.core.triage.SignalName signal) {
        String query = dev.opsbot.tools.signals.SignalQueries.defaults().render(signal, "shop", "checkout");
        List<Series> expected = real.range(query, START, END, Duration.ofSeconds(30));
        assertThat(expected)
                .as("real Prometheus has data for %s: %s", signal, query)
                .isNotEmpty();
        assertSameSeries(query, expected, inMemory.range(query, START, END, Duration.ofSeconds(30)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("triageQueries")
    void rangeQueriesGiveTheSameSeries(String query) {
        List<Series> expected = real.range(query, START, END, Duration.ofSeconds(60));
        assertThat(expected).as("real Prometheus has data for %s", query).isNotEmpty();
        assertSameSeries(query, expected, inMemory.range(query, START, END, Duration.ofSeconds(60)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("triageQueries")
    void rangeQueriesOffTheScrapeGridGiveTheSameSeries(String query) {
        Instant start = START.plusMillis(7_250);
        Duration step = Duration.ofSeconds(45);
        assertSameSeries(query, real.range(query, start, END, step), inMemory.range(query, start, END, step));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("triageQueries")
    void instantQueriesGiveTheSameSeries(String query) {
        for (String time : List.of(
                "2026-03-10T02:10:00Z",
                "2026-03-10T02:33:07.500Z",
                "2026-03-10T02:41:20Z",
                "2026-03-10T02:46:25.001Z",
                "2026-03-10T02:50:20Z",
                "2026-03-10T03:00:00Z",
                "2026-03-10T03:04:30Z",
                "2026-03-10T03:06:00Z")) {
            Instant at = Instant.parse(time);
            assertSameSeries(query + " at " + time, real.instant(query, at), inMemory.instant(query, at));
        }
    }

    @Test
    void rangeSelectorsGiveTheSameRawSamples() {
        Instant at = Instant.parse("2026-03-10T02:41:30Z");
        for (String query : List.of(
                "http_requests_total{pod=\"checkout-7d9f-def34\"}[2m]",
                "kube_pod_container_status_restarts_total[5m]",
                "container_memory_working_set_bytes{pod=\"checkout-7d9f-abc12\"}[90s]")) {
            List<Series> expected = real.instant(query, at);
            assertThat(expected).as(query).isNotEmpty();
            assertSameSeries(query, expected, inMemory.instant(query, at));
        }
    }

    @Test
    void aSampleExactlyAtTheStartOfAWindowOrLookbackIsInside() {
        // kubelet and cert-manager are scraped at :11 of each minute, the last time at 02:59:11. Windows and lookbacks
        // that start exactly on a sample are where Prometheus 2 (inside) and 3 (outside) differ.
        Instant windowOnSamples = Instant.parse("2026-03-10T02:15:11Z");
        Instant fiveMinutesAfterTheLast = Instant.parse("2026-03-10T03:04:11Z");
        for (String query : List.of(
                "certmanager_certificate_expiration_timestamp_seconds[5m]",
                "delta(kubelet_volume_stats_available_bytes[5m])",
                "rate(kubelet_volume_stats_available_bytes[1m])")) {
            List<Series> expected = real.instant(query, windowOnSamples);
            assertThat(expected).as(query).isNotEmpty();
            assertSameSeries(query, expected, inMemory.instant(query, windowOnSamples));
        }
        List<Series> expected = real.instant("kubelet_volume_stats_capacity_bytes", fiveMinutesAfterTheLast);
        assertThat(expected)
                .as("the lookback includes a sample exactly 5 minutes old")
                .isNotEmpty();
        assertSameSeries(
                "lookback", expected, inMemory.instant("kubelet_volume_stats_capacity_bytes", fiveMinutesAfterTheLast));
    }

    @Test
    void bothSourcesRefuseAManyToManyMatch() {
        String query = "http_requests_total / on(namespace) kube_pod_container_resource_limits";
        Instant at = Instant.parse("2026-03-10T02:40:00Z");
        for (MetricsQuerier source : List.of(real, inMemory)) {
            assertThatThrownBy(() -> source.instant(query, at))
                    .isInstanceOf(MetricsQueryException.class)
                    .hasMessageContaining("many-to-many matching not allowed")
                    .extracting(e -> ((MetricsQueryException) e).kind())
                    .isEqualTo(MetricsQueryException.Kind.BAD_QUERY);
        }
    }

    private static void assertSameSeries(String query, List<Series> expected, List<Series> actual) {
        List<Object> expectedLabels =
                new ArrayList<>(expected.stream().map(Series::labels).toList());
        List<Object> actualLabels =
                new ArrayList<>(actual.stream().map(Series::labels).toList());
        assertThat(actualLabels).as("label sets of %s", query).isEqualTo(expectedLabels);
        for (int i = 0; i < expected.size(); i++) {
            List<Point> want = expected.get(i).points();
            List<Point> got = actual.get(i).points();
            String series = query + " " + expected.get(i).labels();
            assertThat(got.stream().map(Point::at).toList())
                    .as("timestamps of %s", series)
                    .isEqualTo(want.stream().map(Point::at).toList());
            for (int p = 0; p < want.size(); p++) {
                if (!close(want.get(p).value(), got.get(p).value())) {
                    fail(
                            "%s at %s: Prometheus says %s, in-memory says %s",
                            series,
                            want.get(p).at(),
                            want.get(p).value(),
                            got.get(p).value());
                }
            }
        }
    }

    private static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected)) {
            return Objects.equals(expected, actual);
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private static Path fixtureDirectory() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(PrometheusParityIT.class.getResource("/prometheus/parity"))
                .toURI());
    }
}
