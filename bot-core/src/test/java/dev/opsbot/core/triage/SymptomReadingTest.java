package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.at;
import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.investigation;
import static dev.opsbot.core.testing.triage.Evidence.node;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.ref;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SymptomReadingTest {

    private static SymptomReading read(SymptomKind kind, Consumer<SourceEvidence.Builder> evidence) {
        SourceEvidence.Builder builder = SourceEvidence.builder("kubernetes");
        evidence.accept(builder);
        return new EvidenceSet(investigation("checkout", kind), List.of(builder.build())).symptom();
    }

    @Test
    void theOnsetAndPeakComeFromTheSymptomsSignal() {
        SymptomReading reading = read(SymptomKind.HTTP_5XX, e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build())
                .signal(series(SignalName.LATENCY_P99).step(0.1, "02:10", 5).build()));

        assertThat(reading.onset()).isEqualTo(at("02:33"));
        assertThat(reading.peak()).isEqualTo(0.2);
        assertThat(reading.fromMetrics()).isTrue();
        assertThat(reading.present()).isTrue();
        assertThat(reading.series()).hasSize(61);
    }

    @Test
    void latencyIsReadFromLatencyNotFromErrors() {
        SymptomReading reading = read(SymptomKind.LATENCY, e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build())
                .signal(series(SignalName.LATENCY_P99).step(0.1, "02:10", 5).build()));

        assertThat(reading.onset()).isEqualTo(at("02:10"));
        assertThat(reading.peak()).isEqualTo(5);
    }

    @Test
    void nanValuesAreIgnoredForOnsetAndPeak() {
        SymptomReading reading = read(
                SymptomKind.HTTP_5XX,
                e -> e.signal(series(SignalName.ERROR_RATIO)
                        .step(0.001, "02:33", 0.2)
                        .with("02:34", Double.NaN)
                        .with("02:50", Double.POSITIVE_INFINITY)
                        .build()));

        assertThat(reading.onset()).isEqualTo(at("02:33"));
        assertThat(reading.peak()).isEqualTo(0.2);
        assertThat(reading.series()).extracting(Sample::value).allMatch(Double::isFinite);
    }

    @Test
    void theServiceLevelSeriesStandsForTheServiceWhenThereIsOne() {
        // one pod erring alone is not the service erring
        SymptomReading reading = read(SymptomKind.HTTP_5XX, e -> e.signal(
                        series(SignalName.ERROR_RATIO).flat(0.001).build())
                .signal(series(SignalName.ERROR_RATIO)
                        .label("pod", "checkout-1")
                        .step(0.0, "02:20", 0.9)
                        .build()));

        assertThat(reading.onset()).isNull();
        assertThat(reading.peak()).isEqualTo(0.001);
    }

    @Test
    void perPodSeriesAreCombinedByTheirWorstWhenThereIsNoServiceLevelSeries() {
        SymptomReading reading = read(SymptomKind.RESTARTS, e -> e.signal(series(SignalName.RESTARTS)
                        .label("pod", "checkout-1")
                        .flat(0)
                        .build())
                .signal(series(SignalName.RESTARTS)
                        .label("pod", "checkout-2")
                        .step(0, "02:34", 3)
                        .build()));

        assertThat(reading.onset()).isEqualTo(at("02:34"));
        assertThat(reading.peak()).isEqualTo(3);
    }

    @Test
    void withoutMetricsTheFirstFailureFindingStandsInForTheOnset() {
        SymptomReading reading =
                read(SymptomKind.HTTP_5XX, e -> e.finding(finding(FindingKind.CRASH_LOOP, pod("checkout-2"))
                                .at("02:36")
                                .build())
                        .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                                .at("02:33:10")
                                .build())
                        .finding(finding(FindingKind.NODE_CONDITION, node("ip-10-0-1-17"))
                                .at("02:10")
                                .build()));

        assertThat(reading.onset()).isEqualTo(at("02:33:10"));
        assertThat(reading.fromMetrics()).isFalse();
        assertThat(reading.series()).isEmpty();
    }

    @Test
    void aFailureBeforeTheWindowDoesNotStandInForTheOnset() {
        SymptomReading reading = read(
                SymptomKind.HTTP_5XX,
                e -> e.finding(finding(FindingKind.CRASH_LOOP, pod("checkout-2"))
                        .at("01:30")
                        .build()));

        assertThat(reading.present()).isFalse();
    }

    @Test
    void metricsThatShowNoSymptomAreBelievedOverFailureFindings() {
        SymptomReading reading = read(SymptomKind.HTTP_5XX, e -> e.signal(
                        series(SignalName.ERROR_RATIO).flat(0.001).build())
                .finding(finding(FindingKind.CRASH_LOOP, pod("checkout-2"))
                        .at("02:36")
                        .build()));

        assertThat(reading.present()).isFalse();
        assertThat(reading.fromMetrics()).isTrue();
    }

    @Test
    void aServiceThatIsDownWithoutErrorsInItsMetricsIsDatedByItsFirstFailure() {
        SymptomReading reading = read(SymptomKind.DOWN, e -> e.signal(
                        series(SignalName.ERROR_RATIO).flat(0.0).build())
                .finding(finding(FindingKind.NO_ENDPOINTS, ref("Service", "checkout"))
                        .at("02:41")
                        .build()));

        assertThat(reading.onset()).isEqualTo(at("02:41"));
        assertThat(reading.fromMetrics()).isFalse();
    }

    @Test
    void nothingAtAllIsNoSymptom() {
        SymptomReading reading = read(SymptomKind.HTTP_5XX, e -> {});

        assertThat(reading.present()).isFalse();
        assertThat(reading.peak()).isZero();
    }
}
