package dev.opsbot.tools.prometheus;

import static dev.opsbot.tools.prometheus.Scenario.T;
import static dev.opsbot.tools.prometheus.Scenario.at;
import static dev.opsbot.tools.prometheus.Scenario.metrics;
import static dev.opsbot.tools.prometheus.Scenario.onlyValue;
import static dev.opsbot.tools.prometheus.Scenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import dev.opsbot.tools.prometheus.promql.PromqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selectors, range functions and range queries, with expectations computed by hand from Prometheus' rules. */
class InMemoryMetricsTest {
    /** A counter that resets between 30 s and 45 s: 10, 25, 40, 5, 20 every 15 s. */
    private static final String[] COUNTER_WITH_RESET = {
        "req_total{code=\"200\"} 10 0",
        "req_total{code=\"200\"} 25 15",
        "req_total{code=\"200\"} 40 30",
        "req_total{code=\"200\"} 5 45",
        "req_total{code=\"200\"} 20 60"
    };

    /** A gauge: 100, 90, 95, 80, 70 every 15 s. */
    private static final String[] GAUGE = {"temp 100 0", "temp 90 15", "temp 95 30", "temp 80 45", "temp 70 60"};

    @Nested
    class Selectors {
        private final InMemoryMetrics metrics = metrics(
                "m{code=\"200\"} 1 0",
                "m{code=\"2000\"} 2 0",
                "m{code=\"500\"} 3 0",
                "m{code=\"500\",path=\"/x\"} 4 0",
                "n{code=\"500\"} 5 0");

        private Map<Map<String, String>, Double> query(String promql) {
            return values(metrics.instant(promql, T));
        }

        @Test
        void equalityAndInequalityMatchers() {
            assertThat(query("m{code=\"500\"}").values()).containsExactlyInAnyOrder(3.0, 4.0);
            assertThat(query("m{code!=\"500\"}").values()).containsExactlyInAnyOrder(1.0, 2.0);
        }

        @Test
        void regularExpressionsAreAnchoredAtBothEnds() {
            assertThat(query("m{code=~\"2..\"}").values()).containsExactly(1.0);
            assertThat(query("m{code=~\"20\"}")).isEmpty();
            assertThat(query("m{code!~\"2.*\"}").values()).containsExactlyInAnyOrder(3.0, 4.0);
        }

        @Test
        void aMissingLabelMatchesTheEmptyString() {
            assertThat(query("m{path=\"\"}").values()).containsExactlyInAnyOrder(1.0, 2.0, 3.0);
            assertThat(query("{__name__=~\"m|n\", path!=\"\"}").values()).containsExactly(4.0);
        }

        @Test
        void aSelectorKeepsTheMetricNameAndLabelsSorted() {
            List<Series> result = metrics.instant("n", T);

            assertThat(result.get(0).labels()).containsExactly(Map.entry("__name__", "n"), Map.entry("code", "500"));
        }

        @Test
        void resultsAreSortedByLabels() {
            assertThat(metrics.instant("m", T))
                    .extracting(series ->
                            series.labels().get("code") + series.labels().getOrDefault("path", ""))
                    .containsExactly("200", "2000", "500", "500/x");
        }

        @Test
        void aSelectorThatMatchesEverySeriesIsRefused() {
            assertThatThrownBy(() -> metrics.instant("{code=\"\"}", T))
                    .isInstanceOf(MetricsQueryException.class)
                    .hasMessage("vector selector must contain at least one non-empty matcher");
        }
    }

    @Nested
    class Lookback {
        private final InMemoryMetrics metrics = metrics(GAUGE);

        @Test
        void anInstantSelectorTakesTheLatestSampleAtMostFiveMinutesOld() {
            assertThat(onlyValue(metrics.instant("temp", at(50)))).isEqualTo(80);
            assertThat(onlyValue(metrics.instant("temp", at(60 + 300)))).isEqualTo(70);
            assertThat(metrics.instant("temp", at(60 + 300.001))).isEmpty();
            assertThat(metrics.instant("temp", at(-1))).isEmpty();
        }

        @Test
        void thePointIsStampedWithTheEvaluationTimeNotTheSampleTime() {
            assertThat(metrics.instant("temp", at(50)).get(0).points().get(0).at())
                    .isEqualTo(at(50));
        }

        @Test
        void inPrometheus3ASampleExactlyFiveMinutesOldIsOutside() {
            InMemoryMetrics three = metrics(PromqlDialect.PROMETHEUS_3, GAUGE);

            assertThat(three.instant("temp", at(60 + 300))).isEmpty();
            assertThat(onlyValue(three.instant("temp", at(60 + 299.999)))).isEqualTo(70);
        }

        @Test
        void theLookbackDeltaIsConfigurable() {
            InMemoryMetrics metrics = InMemoryMetrics.builder()
                    .lookbackDelta(Duration.ofMinutes(1))
                    .add(Scenario.samples(GAUGE))
                    .build();

            assertThat(metrics.instant("temp", at(121))).isEmpty();
        }
    }

    @Nested
    class CounterFunctions {
        private final InMemoryMetrics metrics = metrics(COUNTER_WITH_RESET);

        @Test
        void increaseAddsWhatTheCounterHadReachedBeforeAReset() {
            // 20 - 10, plus the 40 lost at the reset; the samples span the whole window, so no extrapolation.
            assertThat(onlyValue(metrics.instant("increase(req_total[1m])", at(60))))
                    .isEqualTo(50);
        }

        @Test
        void rateIsTheIncreasePerSecondOfTheRange() {
            assertThat(onlyValue(metrics.instant("rate(req_total[1m])", at(60))))
                    .isCloseTo(50.0 / 60, within(1e-15));
        }

        @Test
        void rateDropsTheMetricName() {
            assertThat(metrics.instant("rate(req_total[1m])", at(60)).get(0).labels())
                    .isEqualTo(Map.of("code", "200"));
        }

        @Test
        void rateExtrapolatesToTheWindowEdgesWithinTheSampleSpacing() {
            // Window [7, 67]: samples 15..60 (25, 40, 5, 20); change 20 - 25 + 40 = 35 over 45 s, extrapolated 8 s
            // back to the start and 7 s on to the end (both under 1.1 x the 15 s spacing): 35 * 60 / 45.
            assertThat(onlyValue(metrics.instant("increase(req_total[1m])", at(67))))
                    .isCloseTo(35.0 * 60 / 45, within(1e-12));
        }

        @Test
        void aCounterIsNotExtrapolatedBelowZero() {
            InMemoryMetrics fresh = metrics("new_total 3 30", "new_total 6 45", "new_total 9 60");

            // Started inside the window: 30 s before the first sample would be -3, so extrapolate only to the zero
            // point, 15 s back (3 / 6 of the 30 s sampled): 6 * (30 + 15) / 30 = 9.
            assertThat(onlyValue(fresh.instant("increase(new_total[1m])", at(60))))
                    .isEqualTo(9);
        }

        @Test
        void prometheus3ClampsToTheZeroPointAfterTheHalfSpacingRule() {
            InMemoryMetrics fresh =
                    metrics(PromqlDialect.PROMETHEUS_3, "new_total 3 30", "new_total 6 45", "new_total 9 60");

            // 30 s to the start is over the threshold, so half a spacing (7.5 s), which is before the zero point (15
            // s):
            // 6 * (30 + 7.5) / 30.
            assertThat(onlyValue(fresh.instant("increase(new_total[1m])", at(60))))
                    .isEqualTo(7.5);
        }

        @Test
        void prometheus3LeavesASampleExactlyAtTheWindowStartOut() {
            InMemoryMetrics three = metrics(PromqlDialect.PROMETHEUS_3, COUNTER_WITH_RESET);

            // Window (0, 60]: 25, 40, 5, 20; change 35 over 45 s, extrapolated 15 s to the start: 35 * 60 / 45.
            assertThat(onlyValue(three.instant("increase(req_total[1m])", at(60))))
                    .isCloseTo(35.0 * 60 / 45, within(1e-12));
        }

        @Test
        void aWindowWithOneSampleGivesNoRate() {
            assertThat(metrics.instant("rate(req_total[10s])", at(60))).isEmpty();
        }

        @Test
        void irateUsesTheLastTwoSamplesAndTreatsADropAsAReset() {
            assertThat(onlyValue(metrics.instant("irate(req_total[1m])", at(60))))
                    .isEqualTo(1.0);
            assertThat(onlyValue(metrics.instant("irate(req_total[1m])", at(45))))
                    .isCloseTo(5.0 / 15, within(1e-15));
        }
    }

    @Nested
    class GaugeFunctions {
        private final InMemoryMetrics metrics = metrics(GAUGE);

        @Test
        void deltaIsTheChangeWithoutResetHandling() {
            assertThat(onlyValue(metrics.instant("delta(temp[1m])", at(60)))).isEqualTo(-30);
        }

        @Test
        void deltaExtrapolatesOnlyHalfASpacingPastWhereTheSeriesStops() {
            // Window [30, 90]: 95, 80, 70 over 30 s; the series stopped 30 s before the end, so +7.5 s: -25 * 37.5/30.
            assertThat(onlyValue(metrics.instant("delta(temp[1m])", at(90)))).isEqualTo(-31.25);
        }

        @Test
        void overTimeFunctionsSummariseTheWindow() {
            assertThat(onlyValue(metrics.instant("max_over_time(temp[1m])", at(60))))
                    .isEqualTo(100);
            assertThat(onlyValue(metrics.instant("min_over_time(temp[1m])", at(60))))
                    .isEqualTo(70);
            assertThat(onlyValue(metrics.instant("avg_over_time(temp[1m])", at(60))))
                    .isEqualTo(87);
            assertThat(onlyValue(metrics.instant("last_over_time(temp[1m])", at(60))))
                    .isEqualTo(70);
            assertThat(onlyValue(metrics.instant("max_over_time(temp[20s])", at(60))))
                    .isEqualTo(80);
        }

        @Test
        void lastOverTimeAloneKeepsTheMetricName() {
            assertThat(metrics.instant("last_over_time(temp[1m])", at(60))
                            .get(0)
                            .labels())
                    .containsEntry("__name__", "temp");
            assertThat(metrics.instant("max_over_time(temp[1m])", at(60)).get(0).labels())
                    .doesNotContainKey("__name__");
        }

        @Test
        void anInstantQueryOfARangeSelectorReturnsTheRawSamples() {
            List<Series> result = metrics.instant("temp[30s]", at(60));

            assertThat(result.get(0).points())
                    .containsExactly(new Point(at(30), 95), new Point(at(45), 80), new Point(at(60), 70));
        }
    }

    @Nested
    class InstantFunctions {
        private final InMemoryMetrics metrics = metrics("temp{room=\"a\"} 70 0", "temp{room=\"b\"} -5 0");

        @Test
        void clampAndAbsChangeValuesAndDropTheName() {
            assertThat(values(metrics.instant("clamp_min(temp, 0)", T)))
                    .containsEntry(Map.of("room", "a"), 70.0)
                    .containsEntry(Map.of("room", "b"), 0.0);
            assertThat(values(metrics.instant("clamp_max(temp, 50)", T))).containsEntry(Map.of("room", "a"), 50.0);
            assertThat(values(metrics.instant("clamp(temp, 0, 10)", T)))
                    .containsEntry(Map.of("room", "a"), 10.0)
                    .containsEntry(Map.of("room", "b"), 0.0);
            assertThat(metrics.instant("clamp(temp, 10, 0)", T)).isEmpty();
            assertThat(values(metrics.instant("abs(temp)", T))).containsEntry(Map.of("room", "b"), 5.0);
        }

        @Test
        void timeVectorAndScalar() {
            assertThat(onlyValue(metrics.instant("time()", at(60)))).isEqualTo(T.getEpochSecond() + 60);
            assertThat(metrics.instant("vector(3)", T)).containsExactly(new Series(Map.of(), List.of(new Point(T, 3))));
            assertThat(onlyValue(metrics.instant("scalar(temp{room=\"a\"}) * 2", T)))
                    .isEqualTo(140);
            assertThat(onlyValue(metrics.instant("scalar(temp)", T))).isNaN();
            assertThat(onlyValue(metrics.instant("scalar(nothing)", T))).isNaN();
        }
    }

    @Nested
    class HistogramQuantile {
        private final InMemoryMetrics metrics = metrics(
                "lat_bucket{job=\"a\",le=\"0.1\"} 10 0",
                "lat_bucket{job=\"a\",le=\"0.5\"} 30 0",
                "lat_bucket{job=\"a\",le=\"1\"} 40 0",
                "lat_bucket{job=\"a\",le=\"+Inf\"} 40 0",
                "lat_bucket{job=\"b\",le=\"0.1\"} 10 0",
                "lat_bucket{job=\"b\",le=\"+Inf\"} 20 0",
                "lat_bucket{job=\"c\",le=\"0.1\"} 10 0",
                "lat_bucket{job=\"c\",le=\"0.5\"} 20 0",
                "lat_bucket{job=\"d\",le=\"0.1\"} 10 0",
                "lat_bucket{job=\"d\",le=\"0.5\"} 8 0",
                "lat_bucket{job=\"d\",le=\"+Inf\"} 20 0");

        private double quantile(double q, String job) {
            return onlyValue(metrics.instant("histogram_quantile(" + q + ", lat_bucket{job=\"" + job + "\"})", T));
        }

        @Test
        void interpolatesLinearlyInsideTheBucketTheRankFallsIn() {
            // Rank 20 of 40 falls in (0.1, 0.5] holding observations 11..30: 0.1 + 0.4 * (10 / 20).
            assertThat(quantile(0.5, "a")).isCloseTo(0.3, within(1e-15));
            // Rank 39.6 falls in (0.5, 1] holding 31..40: 0.5 + 0.5 * (9.6 / 10).
            assertThat(quantile(0.99, "a")).isCloseTo(0.98, within(1e-15));
            // Rank 4 falls in the first bucket, whose lower bound is taken as 0.
            assertThat(quantile(0.1, "a")).isCloseTo(0.04, within(1e-15));
        }

        @Test
        void aRankInTheInfiniteBucketGivesTheHighestFiniteBound() {
            assertThat(quantile(0.9, "b")).isEqualTo(0.1);
        }

        @Test
        void withoutAnInfiniteBucketTheQuantileIsNaN() {
            assertThat(quantile(0.5, "c")).isNaN();
        }

        @Test
        void aBucketLowerThanTheOneBelowIsRaisedToIt() {
            // 8 in le=0.5 is raised to 10: rank 10 is reached in the first bucket, at its upper bound.
            assertThat(quantile(0.5, "d")).isEqualTo(0.1);
        }

        @Test
        void quantilesOutsideZeroToOneAreInfinite() {
            assertThat(quantile(1.5, "a")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(quantile(-1, "a")).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void theResultKeepsTheOtherLabelsWithoutNameOrLe() {
            assertThat(metrics.instant("histogram_quantile(0.5, lat_bucket)", T))
                    .extracting(Series::labels)
                    .containsExactly(Map.of("job", "a"), Map.of("job", "b"), Map.of("job", "c"), Map.of("job", "d"));
        }
    }

    @Nested
    class RangeQueries {
        private final InMemoryMetrics metrics = metrics(GAUGE);

        @Test
        void evaluateAtStartAndEveryStepUpToEnd() {
            List<Series> result = metrics.range("temp", T, at(50), Duration.ofSeconds(20));

            assertThat(result.get(0).points())
                    .containsExactly(new Point(T, 100), new Point(at(20), 90), new Point(at(40), 95));
        }

        @Test
        void aSeriesHasPointsOnlyWhereItHasAValue() {
            List<Series> result = metrics.range("temp", at(300), at(420), Duration.ofSeconds(60));

            assertThat(result.get(0).points()).containsExactly(new Point(at(300), 70), new Point(at(360), 70));
        }

        @Test
        void aScalarBecomesOneUnlabelledSeries() {
            List<Series> result = metrics.range("time() - " + T.getEpochSecond(), T, at(60), Duration.ofSeconds(30));

            assertThat(result)
                    .containsExactly(new Series(
                            Map.of(), List.of(new Point(T, 0), new Point(at(30), 30), new Point(at(60), 60))));
        }

        @Test
        void aRangeVectorCannotBeARangeQuery() {
            assertThatThrownBy(() -> metrics.range("temp[1m]", T, at(60), Duration.ofSeconds(30)))
                    .isInstanceOf(MetricsQueryException.class)
                    .hasMessage("invalid expression type \"range vector\" for range query, must be Scalar or instant"
                            + " Vector");
        }

        @Test
        void aStepMustBePositiveAndTheEndNotBeforeTheStart() {
            assertThatThrownBy(() -> metrics.range("temp", T, at(60), Duration.ZERO))
                    .hasMessageStartingWith("the step of a range query must be at least 1 ms");
            assertThatThrownBy(() -> metrics.range("temp", at(60), T, Duration.ofSeconds(1)))
                    .hasMessageStartingWith("the range query ends");
        }
    }

    @Nested
    class Limits {
        @Test
        void tooManySeriesIsRefusedNotTruncated() {
            InMemoryMetrics metrics = InMemoryMetrics.builder()
                    .limits(new QueryLimits(2, 100))
                    .add(Scenario.samples("m{a=\"1\"} 1 0", "m{a=\"2\"} 1 0", "m{a=\"3\"} 1 0"))
                    .build();

            MetricsQueryException error =
                    catchThrowableOfType(MetricsQueryException.class, () -> metrics.instant("m", T));

            assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
            assertThat(error.getMessage()).startsWith("the query returned more than 2 series (the limit)");
            assertThat(metrics.instant("sum(m)", T)).hasSize(1);
        }

        @Test
        void tooManyPointsIsRefusedBeforeEvaluating() {
            InMemoryMetrics metrics = InMemoryMetrics.builder()
                    .limits(new QueryLimits(10, 10))
                    .add(Scenario.samples(GAUGE))
                    .build();

            assertThatThrownBy(() -> metrics.range("temp", T, at(60), Duration.ofSeconds(1)))
                    .hasMessage("the range query would return 61 points per series, more than the limit of 10: use a"
                            + " step of at least 7 s");
        }
    }

    @Nested
    class Loading {
        @Test
        void readsEveryOpenMetricsFileOfADirectory(@TempDir Path scenario) throws IOException {
            Path directory = Files.createDirectory(scenario.resolve("metrics"));
            Files.writeString(directory.resolve("a.om"), "a 1 1773108000\n# EOF\n");
            Files.writeString(directory.resolve("b.om"), "b 2 1773108000\n# EOF\n");
            Files.writeString(directory.resolve("notes.txt"), "not metrics");

            InMemoryMetrics metrics = InMemoryMetrics.fromDirectory(directory);

            assertThat(onlyValue(metrics.instant("a + on() b", T))).isEqualTo(3);
        }

        @Test
        void aBadFileIsNamedRelativeToTheScenario(@TempDir Path scenario) throws IOException {
            Path directory = Files.createDirectory(scenario.resolve("metrics"));
            Files.writeString(directory.resolve("http.om"), "a 1 1773108000\na{b=\"c\"}\n# EOF\n");

            assertThatThrownBy(() -> InMemoryMetrics.fromDirectory(directory))
                    .isInstanceOf(OpenMetricsFormatException.class)
                    .hasMessage("metrics/http.om line 2: expected a value after the labels");
        }

        @Test
        void twoFilesGivingOneSeriesDifferentValuesAtOneTimeAreRefused() {
            InMemoryMetrics.Builder builder = InMemoryMetrics.builder()
                    .add(Scenario.samples("a{b=\"c\"} 1 0"))
                    .add(Scenario.samples("a{b=\"c\"} 2 0"));

            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a{b=\"c\"} has two different values at 2026-03-10T02:00:00Z");
        }
    }
}
