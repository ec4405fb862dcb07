package dev.opsbot.tools.cloudwatch;

import java.util.List;
import java.util.Objects;

/**
 * How CloudWatch computes one signal: metrics {@code m1..mN} and, optionally, a metric-math expression over them
 * ({@code FILL(m1, 0) / m2}) or on its own ({@code SEARCH(...)}). Without an expression the signal is {@code m1}.
 */
public record SignalDefinition(List<MetricInput> metrics, String expression) {
    public SignalDefinition {
        metrics = List.copyOf(metrics);
        expression = expression == null ? "" : expression.strip();
        if (metrics.isEmpty() && expression.isEmpty()) {
            throw new IllegalArgumentException("a CloudWatch signal needs a metric or an expression");
        }
        if (expression.isEmpty() && metrics.size() > 1) {
            throw new IllegalArgumentException(
                    "a CloudWatch signal of several metrics needs an expression over m1..mN");
        }
    }

    public static SignalDefinition metric(MetricInput metric) {
        return new SignalDefinition(List.of(metric), "");
    }

    public static SignalDefinition math(String expression, MetricInput... metrics) {
        return new SignalDefinition(List.of(metrics), Objects.requireNonNull(expression, "expression"));
    }
}
