package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import java.time.Duration;
import java.time.Instant;

/**
 * How much one query may return, the same for every source so that a scenario fails where production would. A result
 * over a limit is refused rather than cut short: a truncated "max over all pods" would be silently wrong.
 *
 * @param maxSeries series per result (default 200)
 * @param maxPointsPerSeries points per series (default 11,000, Prometheus' own limit for range queries)
 */
public record QueryLimits(int maxSeries, int maxPointsPerSeries) {
    public static final QueryLimits DEFAULT = new QueryLimits(200, 11_000);

    public QueryLimits {
        if (maxSeries < 1 || maxPointsPerSeries < 1) {
            throw new IllegalArgumentException(
                    "query limits must be positive: " + maxSeries + " series, " + maxPointsPerSeries + " points");
        }
    }

    /** Refuses a range query whose steps are invalid or would exceed the points limit. */
    void checkRange(Instant start, Instant end, Duration step) {
        if (step.isNegative() || step.isZero() || step.toMillis() == 0) {
            throw new MetricsQueryException(
                    Kind.BAD_QUERY, "the step of a range query must be at least 1 ms, not " + step);
        }
        if (end.isBefore(start)) {
            throw new MetricsQueryException(
                    Kind.BAD_QUERY, "the range query ends (" + end + ") before it starts (" + start + ")");
        }
        long steps = (end.toEpochMilli() - start.toEpochMilli()) / step.toMillis() + 1;
        if (steps > maxPointsPerSeries) {
            long minimumStepSeconds =
                    (long) Math.ceil((end.toEpochMilli() - start.toEpochMilli()) / 1000.0 / (maxPointsPerSeries - 1));
            throw new MetricsQueryException(
                    Kind.BAD_QUERY,
                    "the range query would return " + steps
                            + " points per series, more than the limit of " + maxPointsPerSeries
                            + ": use a step of at least "
                            + Math.max(1, minimumStepSeconds) + " s");
        }
    }

    void checkSeries(int series) {
        if (series > maxSeries) {
            throw new MetricsQueryException(
                    Kind.BAD_QUERY,
                    "the query returned more than " + maxSeries
                            + " series (the limit): narrow the selector or aggregate, e.g. sum by (namespace, service) (...)");
        }
    }

    void checkPoints(int points) {
        if (points > maxPointsPerSeries) {
            throw new MetricsQueryException(
                    Kind.BAD_QUERY,
                    "the query returned more than " + maxPointsPerSeries
                            + " points for one series (the limit): use a shorter range or a longer step");
        }
    }
}
