package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.triage.SignalName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Turns a {@link SignalDefinition} into {@code MetricDataQueries}: {@code m1..mN} for the metrics (returned only
 * when there is no expression) and {@code e1} for the expression, placeholders filled.
 */
final class MetricQueries {
    static final String EXPRESSION_ID = "e1";

    private MetricQueries() {}

    static GetMetricDataRequest request(
            SignalName signal,
            SignalDefinition definition,
            Map<String, String> values,
            Instant from,
            Instant to,
            Duration period) {
        String usedFor = "the " + signal.jsonName() + " definition";
        int seconds = Math.toIntExact(period.toSeconds());
        boolean math = !definition.expression().isEmpty();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < definition.metrics().size(); i++) {
            MetricInput input = definition.metrics().get(i);
            List<Dimension> dimensions = new ArrayList<>();
            input.dimensions().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(d -> dimensions.add(Dimension.builder()
                            .name(d.getKey())
                            .value(Templates.fill(d.getValue(), values, usedFor))
                            .build()));
            Metric metric = Metric.builder()
                    .namespace(input.namespace())
                    .metricName(input.metricName())
                    .dimensions(dimensions)
                    .build();
            queries.add(MetricDataQuery.builder()
                    .id("m" + (i + 1))
                    .metricStat(MetricStat.builder()
                            .metric(metric)
                            .period(seconds)
                            .stat(input.stat())
                            .build())
                    .returnData(!math)
                    .label(math ? "m" + (i + 1) : signal.jsonName())
                    .build());
        }
        if (math) {
            String expression = Templates.fill(definition.expression(), values, usedFor);
            queries.add(MetricDataQuery.builder()
                    .id(EXPRESSION_ID)
                    .expression(expression)
                    .period(seconds)
                    // a SEARCH labels each series it finds; one label would make them indistinguishable
                    .label(expression.contains("SEARCH(") ? null : signal.jsonName())
                    .returnData(true)
                    .build());
        }
        return GetMetricDataRequest.builder()
                .startTime(from)
                .endTime(to)
                .metricDataQueries(queries)
                .maxDatapoints(100_800)
                .build();
    }
}
