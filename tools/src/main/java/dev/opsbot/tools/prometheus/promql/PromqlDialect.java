package dev.opsbot.tools.prometheus.promql;

/**
 * Which Prometheus release's semantics to copy where releases disagree. The evaluator's answers are proven equal to a
 * real Prometheus 2.42 by {@code PrometheusParityIT}; the 3.x rules are taken from Prometheus' source.
 */
public enum PromqlDialect {
    /**
     * Prometheus 2.x: a window {@code [t - range, t]} includes a sample exactly at its start, and so does the lookback
     * of an instant selector; {@code rate()} clamps its start extrapolation to the counter's zero point before
     * comparing it with the extrapolation threshold; "." in a regular expression stops at a newline.
     */
    PROMETHEUS_2,

    /**
     * Prometheus 3.x: windows are left-open {@code (t - range, t]}; {@code rate()} first limits the start extrapolation
     * by the threshold and then by the zero point; {@code histogram_quantile()} treats bucket counts within 1e-12 of
     * each other as equal; "." in a regular expression matches a newline too.
     */
    PROMETHEUS_3;

    /** Whether a sample at exactly {@code t - range} (or {@code t - lookback}) belongs to the window. */
    boolean windowIncludesStart() {
        return this == PROMETHEUS_2;
    }

    /** Whether the Prometheus 3 rules for rate extrapolation, histogram buckets and regular expressions apply. */
    boolean version3() {
        return this == PROMETHEUS_3;
    }
}
