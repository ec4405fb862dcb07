package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.triage.SignalSeries;
import java.util.List;
import java.util.Locale;

/** What was read, in words: {@code max 0.3%, last 0.1% (60 points)}. */
final class SignalText {
    private SignalText() {}

    static String describe(List<SignalSeries> series) {
        double max = series.stream()
                .mapToDouble(SignalSeries::max)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
        SignalSeries first = series.getFirst();
        int points = series.stream().mapToInt(s -> s.samples().size()).sum();
        String unit = first.signal().unit();
        String text = "max " + value(max, unit);
        if (series.size() == 1) {
            text += ", last " + value(first.last(), unit);
        } else {
            text += " across " + series.size() + " series";
        }
        return text + " (" + points + " points)";
    }

    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "no value";
        }
        if (unit.equals("ratio")) {
            return String.format(Locale.ROOT, "%.1f%%", value * 100);
        }
        String number = value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
        return number + " " + unit;
    }
}
