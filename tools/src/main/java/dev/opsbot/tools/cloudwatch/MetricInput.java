package dev.opsbot.tools.cloudwatch;

import java.util.Map;
import java.util.Objects;

/**
 * One metric a signal reads ({@code MetricStat}): namespace, name, dimensions and statistic. Dimension values may
 * hold placeholders ({@code ${service}}, {@code ${targetGroup}}).
 *
 * @param stat a statistic ({@code Sum}, {@code Average}, {@code Maximum}) or percentile ({@code p99})
 */
public record MetricInput(String namespace, String metricName, Map<String, String> dimensions, String stat) {
    public MetricInput {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        dimensions = Map.copyOf(dimensions);
        Objects.requireNonNull(stat, "stat");
    }
}
