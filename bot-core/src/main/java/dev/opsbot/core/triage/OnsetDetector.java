package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.List;

/**
 * Finds when a symptom began: the first sample over the threshold that the next sample confirms. The threshold is
 * relative to a baseline (the median of the first quarter of the window), with a floor so that noise around zero is
 * not an incident: error ratio over max(2 %, 3 x baseline + 1 %); latency over max(2 x baseline, baseline + 100 ms);
 * restarts above zero. NaN samples (Prometheus' 0/0 when a step had no requests) are no data: skipped, not "below".
 */
public final class OnsetDetector {
    private OnsetDetector() {}

    public static Instant onset(SymptomKind kind, List<Sample> all) {
        List<Sample> samples = known(all);
        if (samples.isEmpty()) {
            return null;
        }
        double threshold = threshold(kind, baseline(samples));
        for (int i = 0; i < samples.size(); i++) {
            boolean over = samples.get(i).value() > threshold;
            boolean confirmed = i + 1 == samples.size() || samples.get(i + 1).value() > threshold;
            if (over && confirmed) {
                return samples.get(i).at();
            }
        }
        return null;
    }

    static double threshold(SymptomKind kind, double baseline) {
        return switch (kind) {
            case HTTP_5XX, DOWN -> Math.max(0.02, 3 * baseline + 0.01);
            case LATENCY -> Math.max(2 * baseline, baseline + 0.1);
            case RESTARTS -> 0.5;
        };
    }

    static double baseline(List<Sample> samples) {
        int quarter = Math.max(1, samples.size() / 4);
        double[] values = samples.subList(0, quarter).stream()
                .mapToDouble(Sample::value)
                .filter(Double::isFinite)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return 0;
        }
        return values[values.length / 2];
    }

    /** For signals other than the symptom: the first time {@code samples} exceed {@code threshold}, confirmed. */
    public static Instant firstAbove(List<Sample> all, double threshold) {
        List<Sample> samples = known(all);
        for (int i = 0; i < samples.size(); i++) {
            boolean over = samples.get(i).value() > threshold;
            boolean confirmed = i + 1 == samples.size() || samples.get(i + 1).value() > threshold;
            if (over && confirmed) {
                return samples.get(i).at();
            }
        }
        return null;
    }

    /** The first time {@code samples} fall below {@code threshold}, confirmed. */
    public static Instant firstBelow(List<Sample> all, double threshold) {
        List<Sample> samples = known(all);
        for (int i = 0; i < samples.size(); i++) {
            boolean under = samples.get(i).value() < threshold;
            boolean confirmed = i + 1 == samples.size() || samples.get(i + 1).value() < threshold;
            if (under && confirmed) {
                return samples.get(i).at();
            }
        }
        return null;
    }

    private static List<Sample> known(List<Sample> samples) {
        return samples.stream().filter(s -> !Double.isNaN(s.value())).toList();
    }
}
