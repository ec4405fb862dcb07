package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the symptom began and how bad it got, read from the service-level series of the symptom's signal (the worst
 * series at each time). Without metrics, the first failure finding stands in for the onset.
 *
 * @param onset null when the symptom never crossed its threshold
 * @param fromMetrics whether the onset came from a signal (rather than from a finding)
 * @param series the symptom's signal over the window (empty without metrics), for the chart
 */
public record SymptomReading(Instant onset, double peak, boolean fromMetrics, List<Sample> series) {

    private static final List<FindingKind> FAILURES = List.of(
            FindingKind.OOM_KILLED,
            FindingKind.CRASH_LOOP,
            FindingKind.IMAGE_PULL_FAILURE,
            FindingKind.MISSING_CONFIG_OBJECT,
            FindingKind.PROBE_FAILURE,
            FindingKind.EVICTED,
            FindingKind.UNSCHEDULABLE,
            FindingKind.NO_ENDPOINTS);

    public boolean present() {
        return onset != null;
    }

    static SymptomReading of(Investigation investigation, EvidenceSet evidence) {
        List<Sample> worst =
                worstPerTime(evidence.signals(investigation.symptom().signal()));
        double peak = worst.stream()
                .mapToDouble(Sample::value)
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        if (!worst.isEmpty()) {
            Instant onset = OnsetDetector.onset(investigation.symptom(), worst);
            // "down" without an error onset may still be down: no endpoints, nothing serving; findings decide
            if (onset != null || investigation.symptom() != SymptomKind.DOWN) {
                return new SymptomReading(onset, peak, true, worst);
            }
        }
        Instant firstFailure = evidence.findings().stream()
                .filter(f -> FAILURES.contains(f.kind()))
                .map(Finding::at)
                .filter(at -> !at.isBefore(investigation.from()))
                .min(Instant::compareTo)
                .orElse(null);
        return new SymptomReading(firstFailure, peak, false, worst);
    }

    /** Service-level series (no pod label) win; the worst value per timestamp stands for the service. */
    private static List<Sample> worstPerTime(List<SignalSeries> all) {
        List<SignalSeries> serviceLevel =
                all.stream().filter(s -> s.label("pod").isEmpty()).toList();
        List<SignalSeries> chosen = serviceLevel.isEmpty() ? all : serviceLevel;
        Map<Instant, Double> worst = new TreeMap<>();
        for (SignalSeries series : chosen) {
            for (Sample sample : series.samples()) {
                if (Double.isFinite(sample.value())) {
                    worst.merge(sample.at(), sample.value(), Math::max);
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        worst.forEach((at, value) -> samples.add(new Sample(at, value)));
        return samples;
    }
}
