package dev.opsbot.app.approval;

import dev.opsbot.core.triage.SignalName;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.MetricsQueryException;
import dev.opsbot.tools.prometheus.Point;
import dev.opsbot.tools.prometheus.Series;
import dev.opsbot.tools.signals.SignalQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The symptom signals of a service — 5xx ratio, restarts, p99 latency — through the PromQL triage uses, judged against
 * triage's thresholds: the same baseline (the median of the first quarter of the hour before) and the same margins as
 * {@code OnsetDetector}. Measured after a change with the ranges clipped to the time since it ({@link RangeClip}).
 */
final class SymptomCheck {
    static final List<SignalName> SIGNALS =
            List.of(SignalName.ERROR_RATIO, SignalName.RESTARTS, SignalName.LATENCY_P99);
    private static final Duration STEP = Duration.ofSeconds(30);

    /** A signal as it was up to the action: the line it must get back under, and where it stood. */
    record Before(SignalName signal, double threshold, Double was) {}

    /** A signal measured after the change; {@code value} is null when it had no data yet. */
    record Reading(Before before, Double value) {
        boolean ok() {
            return value != null && value <= before.threshold();
        }

        String describe() {
            String text =
                    name(before.signal()) + " " + (value == null ? "no data yet" : format(before.signal(), value));
            List<String> notes = new ArrayList<>();
            if (value != null && !ok()) {
                notes.add(
                        before.signal() == SignalName.RESTARTS
                                ? "expected none"
                                : "over the " + format(before.signal(), before.threshold()) + " threshold");
            }
            if (before.was() != null) {
                notes.add("was " + format(before.signal(), before.was()));
            }
            return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
        }
    }

    private final MetricsQuerier metrics;
    private final SignalQueries queries;

    SymptomCheck(MetricsQuerier metrics, SignalQueries queries) {
        this.metrics = metrics;
        this.queries = queries;
    }

    /**
     * The signals that have data for the service, with their thresholds from the stretch before the action. A signal
     * the source cannot answer is left out, its reason added to {@code failures}.
     */
    List<Before> before(
            String namespace, String service, Instant actedAt, Duration baselineWindow, List<String> failures) {
        List<Before> signals = new ArrayList<>();
        for (SignalName signal : SIGNALS) {
            String promql = queries.render(signal, namespace, service);
            try {
                List<Series> history = metrics.range(promql, actedAt.minus(baselineWindow), actedAt, STEP);
                if (!history.isEmpty()) {
                    double threshold =
                            threshold(signal, baseline(history.getFirst().points()));
                    signals.add(new Before(signal, threshold, highest(metrics.instant(promql, actedAt))));
                }
            } catch (MetricsQueryException e) {
                failures.add(name(signal) + ": " + e.getMessage());
            }
        }
        return signals;
    }

    /**
     * Each signal over the {@code since} before {@code now}.
     *
     * @throws MetricsQueryException when the metrics source cannot answer
     */
    List<Reading> measure(String namespace, String service, List<Before> signals, Duration since, Instant now) {
        List<Reading> readings = new ArrayList<>();
        for (Before before : signals) {
            String promql = RangeClip.clip(queries.render(before.signal(), namespace, service), since);
            readings.add(new Reading(before, highest(metrics.instant(promql, now))));
        }
        return readings;
    }

    /** Triage's thresholds ({@code OnsetDetector}): over them is a symptom, under them is recovered. */
    static double threshold(SignalName signal, double baseline) {
        return switch (signal) {
            case ERROR_RATIO -> Math.max(0.02, 3 * baseline + 0.01);
            case LATENCY_P99 -> Math.max(2 * baseline, baseline + 0.1);
            default -> 0.5;
        };
    }

    /** The median of the first quarter of the known samples, as {@code OnsetDetector} takes it. */
    static double baseline(List<Point> points) {
        List<Point> known =
                points.stream().filter(p -> !Double.isNaN(p.value())).toList();
        int quarter = Math.max(1, known.size() / 4);
        double[] values = known.subList(0, Math.min(quarter, known.size())).stream()
                .mapToDouble(Point::value)
                .filter(Double::isFinite)
                .sorted()
                .toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    /** The worst series' value (the restarts of the pod that restarts most), or null when none has a number. */
    private static Double highest(List<Series> series) {
        double[] values = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::value)
                .filter(Double::isFinite)
                .toArray();
        return values.length == 0 ? null : Arrays.stream(values).max().orElseThrow();
    }

    static String name(SignalName signal) {
        return switch (signal) {
            case ERROR_RATIO -> "5xx ratio";
            case RESTARTS -> "restarts";
            case LATENCY_P99 -> "p99 latency";
            default -> signal.jsonName();
        };
    }

    static String format(SignalName signal, double value) {
        return switch (signal) {
            case ERROR_RATIO -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case LATENCY_P99 -> String.format(Locale.ROOT, "%.2f s", value);
            default -> String.format(Locale.ROOT, "%.0f", value);
        };
    }
}
