package dev.opsbot.core.tool;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in chat: "2 s", "450 ms", "3 min". */
public final class Durations {
    private Durations() {}

    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            double seconds = millis / 1000.0;
            return (seconds == Math.rint(seconds)
                            ? String.valueOf((long) seconds)
                            : String.format(Locale.ROOT, "%.1f", seconds))
                    + " s";
        }
        return (millis / 60_000) + " min";
    }
}
