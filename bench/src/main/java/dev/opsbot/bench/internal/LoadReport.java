package dev.opsbot.bench.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The lines every open-loop driver prints under its latency figures: each time window's, then the errors. */
public final class LoadReport {
    private LoadReport() {}

    /** "    s   0-  5: p50 ..." for each {@code window} of a phase of {@code duration}. */
    public static void windows(List<Histogram> windows, Duration window, Duration duration) {
        for (int w = 0; w < windows.size(); w++) {
            long from = w * window.toSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "    s %3d-%3d: %s%n",
                    from,
                    Math.min(duration.toSeconds(), from + window.toSeconds()),
                    Latencies.format(windows.get(w)));
        }
    }

    /** The errors by kind and a few samples, or nothing when there were none. */
    public static void errors(Map<String, Long> errors, List<String> samples) {
        if (!errors.isEmpty()) {
            System.out.println("  errors: " + errors);
            samples.forEach(s -> System.out.println("    e.g. " + s));
        }
    }
}
