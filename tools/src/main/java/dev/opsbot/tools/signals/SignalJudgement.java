package dev.opsbot.tools.signals;

import dev.opsbot.core.triage.OnsetDetector;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.SymptomKind;
import java.util.List;
import java.util.Locale;

/**
 * A one-line verdict per signal for the "checked and found normal" list. Triage's rules do the real judging; this
 * only tells people what was looked at, with the same thresholds.
 */
final class SignalJudgement {
    private SignalJudgement() {}

    record Verdict(boolean normal, String detail) {}

    static Verdict judge(SignalName signal, List<SignalSeries> series) {
        double max = series.stream()
                .mapToDouble(SignalSeries::max)
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        double min = series.stream()
                .mapToDouble(SignalSeries::min)
                .filter(Double::isFinite)
                .min()
                .orElse(0);
        return switch (signal) {
            case ERROR_RATIO -> new Verdict(!rises(SymptomKind.HTTP_5XX, series), "max " + percent(max));
            case LATENCY_P99 ->
                new Verdict(!rises(SymptomKind.LATENCY, series), String.format(Locale.ROOT, "max %.2f s", max));
            case RESTARTS -> new Verdict(max < 0.5, String.format(Locale.ROOT, "at most %.0f in 5 min", max));
            case REQUEST_RATE -> new Verdict(true, String.format(Locale.ROOT, "up to %.1f req/s", max));
            case MEMORY_VS_LIMIT -> new Verdict(max < 0.9, "up to " + percent(max) + " of the limit");
            case CPU_THROTTLING -> new Verdict(max < 0.25, "up to " + percent(max) + " of periods throttled");
            case HPA_CURRENT_VS_MAX -> new Verdict(max < 1, "up to " + percent(max) + " of max replicas");
            case VOLUME_FREE -> new Verdict(min > 0.1, "at least " + percent(min) + " free");
            case CERT_EXPIRY ->
                new Verdict(min > 7 * 86400, String.format(Locale.ROOT, "earliest expiry in %.1f days", min / 86400));
        };
    }

    private static boolean rises(SymptomKind kind, List<SignalSeries> series) {
        return series.stream().anyMatch(s -> OnsetDetector.onset(kind, s.samples()) != null);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
