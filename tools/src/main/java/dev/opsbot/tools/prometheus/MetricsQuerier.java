package dev.opsbot.tools.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers PromQL queries, from a real Prometheus ({@link PrometheusClient}) or from a scenario's OpenMetrics files
 * ({@link InMemoryMetrics}); both give the same series and values for the same data. Results are sorted by labels.
 */
public interface MetricsQuerier {
    /**
     * The query evaluated at start, start + step, ... up to end, as Prometheus' {@code /api/v1/query_range}.
     *
     * @throws MetricsQueryException when the source refuses, fails or does not answer in time
     */
    List<Series> range(String promql, Instant start, Instant end, Duration step);

    /**
     * The query evaluated at one instant, as Prometheus' {@code /api/v1/query}: one point per series (at {@code at}),
     * or the raw samples of each series for a range selector such as {@code up[5m]}.
     *
     * @throws MetricsQueryException when the source refuses, fails or does not answer in time
     */
    List<Series> instant(String promql, Instant at);
}
