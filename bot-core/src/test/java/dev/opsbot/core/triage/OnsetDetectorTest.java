package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.at;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnsetDetectorTest {

    @Test
    void aStepInTheErrorRatioBeginsAtTheFirstSampleOfTheStep() {
        List<Sample> samples =
                series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).samples();

        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isEqualTo(at("02:33"));
    }

    @Test
    void aSingleSpikeThatTheNextSampleDoesNotConfirmIsNoOnset() {
        List<Sample> samples =
                series(SignalName.ERROR_RATIO).flat(0.001).with("02:20", 0.5).samples();

        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isNull();
    }

    @Test
    void aSpikeBeforeTheRealStepDoesNotMoveTheOnset() {
        List<Sample> samples = series(SignalName.ERROR_RATIO)
                .step(0.001, "02:33", 0.2)
                .with("02:20", 0.5)
                .samples();

        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isEqualTo(at("02:33"));
    }

    @Test
    void errorsUnderTwoPercentAreNoise() {
        List<Sample> samples =
                series(SignalName.ERROR_RATIO).step(0.0, "02:33", 0.019).samples();

        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isNull();
    }

    @Test
    void aServiceThatAlwaysErrsAlittleNeedsThreeTimesItsBaselinePlusOnePercent() {
        // baseline 5 %: the threshold is 3 x 5 % + 1 % = 16 %
        assertThat(OnsetDetector.onset(
                        SymptomKind.HTTP_5XX,
                        series(SignalName.ERROR_RATIO).step(0.05, "02:33", 0.15).samples()))
                .isNull();
        assertThat(OnsetDetector.onset(
                        SymptomKind.HTTP_5XX,
                        series(SignalName.ERROR_RATIO).step(0.05, "02:33", 0.17).samples()))
                .isEqualTo(at("02:33"));
    }

    @Test
    void downUsesTheErrorRatioThresholds() {
        List<Sample> samples =
                series(SignalName.ERROR_RATIO).step(0.001, "02:40", 1.0).samples();

        assertThat(OnsetDetector.onset(SymptomKind.DOWN, samples)).isEqualTo(at("02:40"));
    }

    @Test
    void latencyMustAtLeastDoubleWhenTheBaselineIsHigh() {
        // baseline 300 ms: threshold max(600 ms, 400 ms)
        assertThat(OnsetDetector.onset(
                        SymptomKind.LATENCY,
                        series(SignalName.LATENCY_P99).step(0.3, "02:35", 0.55).samples()))
                .isNull();
        assertThat(OnsetDetector.onset(
                        SymptomKind.LATENCY,
                        series(SignalName.LATENCY_P99).step(0.3, "02:35", 0.65).samples()))
                .isEqualTo(at("02:35"));
    }

    @Test
    void latencyMustRiseByAtLeastAHundredMillisecondsWhenTheBaselineIsLow() {
        // baseline 20 ms: threshold max(40 ms, 120 ms)
        assertThat(OnsetDetector.onset(
                        SymptomKind.LATENCY,
                        series(SignalName.LATENCY_P99).step(0.02, "02:35", 0.11).samples()))
                .isNull();
        assertThat(OnsetDetector.onset(
                        SymptomKind.LATENCY,
                        series(SignalName.LATENCY_P99).step(0.02, "02:35", 0.13).samples()))
                .isEqualTo(at("02:35"));
    }

    @Test
    void anyConfirmedRestartIsTheOnsetOfRestarts() {
        List<Sample> samples = series(SignalName.RESTARTS).step(0, "02:34", 1).samples();

        assertThat(OnsetDetector.onset(SymptomKind.RESTARTS, samples)).isEqualTo(at("02:34"));
        assertThat(OnsetDetector.onset(
                        SymptomKind.RESTARTS,
                        series(SignalName.RESTARTS).flat(0).samples()))
                .isNull();
    }

    @Test
    void noSamplesIsNoOnset() {
        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, List.of())).isNull();
    }

    @Test
    void theBaselineIsTheMedianOfTheFirstQuarterSoOneEarlyOutlierDoesNotRaiseIt() {
        List<Sample> samples = series(SignalName.ERROR_RATIO)
                .step(0.001, "02:33", 0.2)
                .with("02:01", 0.9)
                .samples();

        assertThat(OnsetDetector.baseline(samples)).isEqualTo(0.001);
        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isEqualTo(at("02:33"));
    }

    @Test
    void nanSamplesAreSkippedNotCountedAgainstConfirmation() {
        // Prometheus answers NaN for 0/0 (no requests in a step): that is no data, not "no errors"
        List<Sample> samples = series(SignalName.ERROR_RATIO)
                .step(0.001, "02:33", 0.2)
                .with("02:05", Double.NaN)
                .with("02:34", Double.NaN)
                .samples();

        assertThat(OnsetDetector.baseline(samples)).isEqualTo(0.001);
        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isEqualTo(at("02:33"));
    }

    @Test
    void firstAboveAndFirstBelowNeedConfirmationToo() {
        List<Sample> throttling = series(SignalName.CPU_THROTTLING)
                .step(0.05, "02:40", 0.6)
                .with("02:10", 0.9)
                .samples();
        List<Sample> free = series(SignalName.VOLUME_FREE)
                .step(0.3, "02:25", 0.01)
                .with("02:10", 0.0)
                .samples();

        assertThat(OnsetDetector.firstAbove(throttling, 0.25)).isEqualTo(at("02:40"));
        assertThat(OnsetDetector.firstBelow(free, 0.02)).isEqualTo(at("02:25"));
    }

    @Test
    void samplesNeedNotBeAMinuteApart() {
        List<Sample> samples = series(SignalName.ERROR_RATIO)
                .every(Duration.ofSeconds(15))
                .step(0.001, "02:33:45", 0.3)
                .samples();

        assertThat(OnsetDetector.onset(SymptomKind.HTTP_5XX, samples)).isEqualTo(at("02:33:45"));
    }
}
