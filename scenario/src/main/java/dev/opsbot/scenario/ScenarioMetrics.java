package dev.opsbot.scenario;

import dev.opsbot.scenario.internal.MetricsCheck;
import dev.opsbot.tools.prometheus.InMemoryMetrics;
import java.util.Map;

/**
 * The scenario's metrics as Prometheus would answer them: every {@code metrics/*.om} file merged into one
 * {@link InMemoryMetrics}, which evaluates PromQL over the samples — the same {@code MetricsQuerier} production gets
 * from {@code PrometheusClient}.
 */
public final class ScenarioMetrics {
    private ScenarioMetrics() {}

    /**
     * @throws ScenarioException when a file does not parse, or two files give one series different values at the
     *     same time
     */
    public static InMemoryMetrics of(Scenario scenario) {
        InMemoryMetrics.Builder builder = InMemoryMetrics.builder();
        for (Map.Entry<String, String> file : scenario.metricFiles().entrySet()) {
            builder.add(MetricsCheck.parse(file.getValue(), "metrics/" + file.getKey()));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("metrics", e.getMessage());
        }
    }
}
