package dev.opsbot.core.triage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One time series of a named signal over the investigation window, oldest first. {@code labels} tell which series
 * it is ({@code pod}, {@code container}, {@code persistentvolumeclaim}, ...); service-level series have none.
 */
public record SignalSeries(SignalName signal, String source, Map<String, String> labels, List<Sample> samples) {
    public SignalSeries {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(source, "source");
        labels = Map.copyOf(new TreeMap<>(labels));
        samples = List.copyOf(samples);
    }

    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    public double max() {
        return samples.stream()
                .mapToDouble(Sample::value)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }

    public double min() {
        return samples.stream()
                .mapToDouble(Sample::value)
                .filter(v -> !Double.isNaN(v))
                .min()
                .orElse(Double.NaN);
    }

    public double last() {
        return samples.isEmpty() ? Double.NaN : samples.getLast().value();
    }
}
