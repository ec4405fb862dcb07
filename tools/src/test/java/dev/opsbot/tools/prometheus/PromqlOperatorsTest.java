package dev.opsbot.tools.prometheus;

import static dev.opsbot.tools.prometheus.Scenario.T;
import static dev.opsbot.tools.prometheus.Scenario.metrics;
import static dev.opsbot.tools.prometheus.Scenario.onlyValue;
import static dev.opsbot.tools.prometheus.Scenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Aggregations and binary operators, with Prometheus' rules for labels, matching, NaN and infinities. */
class PromqlOperatorsTest {
    private final InMemoryMetrics metrics = metrics(
            "a{job=\"x\",instance=\"1\"} 10 0",
            "a{job=\"x\",instance=\"2\"} 20 0",
            "a{job=\"y\",instance=\"3\"} 30 0",
            "b{job=\"x\",instance=\"1\"} 2 0",
            "b{job=\"x\",instance=\"2\"} 0 0",
            "b{job=\"z\",instance=\"4\"} 5 0",
            "c{job=\"x\",instance=\"1\",env=\"prod\"} 4 0",
            "limit{job=\"x\"} 15 0",
            "limit{job=\"y\"} 25 0");

    private Map<Map<String, String>, Double> query(String promql) {
        return values(metrics.instant(promql, T));
    }

    private double scalar(String promql) {
        return onlyValue(metrics.instant(promql, T));
    }

    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    @Test
    void aggregationsWithoutGroupingGiveOneUnlabelledSample() {
        assertThat(query("sum(a)")).containsExactly(entry(Map.of(), 60.0));
        assertThat(query("avg(a)")).containsExactly(entry(Map.of(), 20.0));
        assertThat(query("count(a)")).containsExactly(entry(Map.of(), 3.0));
        assertThat(query("min(a)")).containsExactly(entry(Map.of(), 10.0));
        assertThat(query("max(a)")).containsExactly(entry(Map.of(), 30.0));
    }

    @Test
    void byKeepsOnlyTheNamedLabelsWhereverItIsWritten() {
        Map<Map<String, String>, Double> expected = Map.of(labels("job", "x"), 30.0, labels("job", "y"), 30.0);

        assertThat(query("sum by (job) (a)")).isEqualTo(expected);
        assertThat(query("sum(a) by (job)")).isEqualTo(expected);
        assertThat(query("SUM BY (job,) (a)")).isEqualTo(expected);
        assertThat(query("max by (job) (a)")).isEqualTo(Map.of(labels("job", "x"), 20.0, labels("job", "y"), 30.0));
    }

    @Test
    void withoutRemovesTheNamedLabelsAndTheMetricName() {
        assertThat(query("avg without (instance) (a)"))
                .isEqualTo(Map.of(labels("job", "x"), 15.0, labels("job", "y"), 30.0));
        assertThat(query("count without () (a)")).containsKey(labels("job", "x", "instance", "1"));
    }

    @Test
    void aggregatingNothingGivesNothing() {
        assertThat(query("sum(nothing)")).isEmpty();
    }

    @Test
    void arithmeticWithAScalarDropsTheMetricName() {
        assertThat(query("a * 2")).containsEntry(labels("job", "x", "instance", "1"), 20.0);
        assertThat(query("100 / a")).containsEntry(labels("job", "x", "instance", "1"), 10.0);
        assertThat(query("a % 7").values()).containsExactlyInAnyOrder(3.0, 6.0, 2.0);
        assertThat(query("a ^ 2")).containsEntry(labels("job", "y", "instance", "3"), 900.0);
    }

    @Test
    void aComparisonFiltersAndKeepsTheVectorsValueAndName() {
        Map<Map<String, String>, Double> expected = Map.of(
                labels("__name__", "a", "job", "x", "instance", "2"), 20.0,
                labels("__name__", "a", "job", "y", "instance", "3"), 30.0);

        assertThat(query("a > 15")).isEqualTo(expected);
        assertThat(query("15 < a")).isEqualTo(expected);
    }

    @Test
    void boolTurnsAComparisonIntoZeroOrOneAndDropsTheName() {
        assertThat(query("a > bool 15"))
                .isEqualTo(Map.of(
                        labels("job", "x", "instance", "1"), 0.0,
                        labels("job", "x", "instance", "2"), 1.0,
                        labels("job", "y", "instance", "3"), 1.0));
        assertThat(scalar("1 < bool 2")).isEqualTo(1);
    }

    @Test
    void vectorsMatchOneToOneOnAllLabelsButTheName() {
        assertThat(query("a / b"))
                .isEqualTo(Map.of(
                        labels("job", "x", "instance", "1"),
                        5.0,
                        labels("job", "x", "instance", "2"),
                        Double.POSITIVE_INFINITY));
    }

    @Test
    void divisionByZeroGivesInfinityAndZeroByZeroNaNWhichAreKept() {
        assertThat(query("b / b"))
                .containsEntry(labels("job", "x", "instance", "2"), Double.NaN)
                .containsEntry(labels("job", "z", "instance", "4"), 1.0);
        assertThat(scalar("1 / 0")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scalar("-1 / 0")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scalar("0 / 0")).isNaN();
        assertThat(scalar("(0 / 0) == bool (0 / 0)")).isZero();
        assertThat(scalar("(0 / 0) != bool (0 / 0)")).isEqualTo(1);
    }

    @Test
    void onMatchesOnTheNamedLabelsAndKeepsOnlyThem() {
        assertThat(query("sum by (job) (a) / on(job) limit"))
                .isEqualTo(Map.of(labels("job", "x"), 2.0, labels("job", "y"), 1.2));
    }

    @Test
    void ignoringMatchesOnTheOtherLabelsAndDropsTheIgnoredOnes() {
        assertThat(query("a / ignoring(env) c")).isEqualTo(Map.of(labels("job", "x", "instance", "1"), 2.5));
    }

    @Test
    void aComparisonBetweenVectorsKeepsTheLeftSide() {
        assertThat(query("a > b"))
                .isEqualTo(Map.of(
                        labels("__name__", "a", "job", "x", "instance", "1"), 10.0,
                        labels("__name__", "a", "job", "x", "instance", "2"), 20.0));
        assertThat(query("a < bool b").values()).containsExactly(0.0, 0.0);
    }

    @Test
    void setOperatorsMatchOnLabelsAndKeepTheSamplesAsTheyAre() {
        assertThat(query("a and b").keySet())
                .containsExactlyInAnyOrder(
                        labels("__name__", "a", "job", "x", "instance", "1"),
                        labels("__name__", "a", "job", "x", "instance", "2"));
        assertThat(query("a and on(job) limit")).hasSize(3);
        assertThat(query("a unless b").keySet()).containsExactly(labels("__name__", "a", "job", "y", "instance", "3"));
        assertThat(query("a or b").keySet())
                .containsExactlyInAnyOrder(
                        labels("__name__", "a", "job", "x", "instance", "1"),
                        labels("__name__", "a", "job", "x", "instance", "2"),
                        labels("__name__", "a", "job", "y", "instance", "3"),
                        labels("__name__", "b", "job", "z", "instance", "4"));
        assertThat(query("a and nothing")).isEmpty();
        assertThat(query("nothing or vector(0)")).isEqualTo(Map.of(Map.of(), 0.0));
    }

    @Test
    void manyToOneMatchesAreRefusedAsInPrometheus() {
        assertThatThrownBy(() -> query("a / on(job) limit"))
                .isInstanceOf(MetricsQueryException.class)
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit"
                        + " (group_left/group_right)");
        assertThatThrownBy(() -> query("a + on(job) b"))
                .hasMessageStartingWith("found duplicate series for the match group {job=\"x\"} on the right"
                        + " hand-side of the operation");
    }

    @Test
    void samplesThatEndUpWithTheSameLabelsAreRefused() {
        assertThatThrownBy(() -> query("-{__name__=~\"a|b\", instance=\"1\"}"))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void unaryMinusNegatesAndDropsTheName() {
        assertThat(query("-a")).containsEntry(labels("job", "y", "instance", "3"), -30.0);
        assertThat(query("+a")).containsKey(labels("__name__", "a", "job", "y", "instance", "3"));
    }

    @Test
    void precedenceAndAssociativityFollowPromql() {
        assertThat(scalar("2 + 3 * 4 ^ 2")).isEqualTo(50);
        assertThat(scalar("2 ^ 3 ^ 2")).isEqualTo(512);
        assertThat(scalar("-2 ^ 2")).isEqualTo(-4);
        assertThat(scalar("(2 + 3) * 4")).isEqualTo(20);
        assertThat(scalar("1 - 2 - 3")).isEqualTo(-4);
        assertThat(scalar("10 / 2 * 5")).isEqualTo(25);
        assertThat(scalar("2 * -3")).isEqualTo(-6);
        assertThat(scalar("1 + 2 > bool 2")).isEqualTo(1);
        assertThat(query("a > 15 and b or limit").keySet()).hasSize(3);
    }

    @Test
    void powerFollowsGoWhereJavaDiffers() {
        assertThat(scalar("1 ^ (0 / 0)")).isEqualTo(1);
        assertThat(scalar("(-1) ^ (1 / 0)")).isEqualTo(1);
    }

    @Test
    void numberLiteralsAreReadAsPrometheusReadsThem() {
        assertThat(List.of(scalar("1e3"), scalar("0x10"), scalar("010"), scalar(".5"), scalar("-Inf"), scalar("nan")))
                .containsExactly(1000.0, 16.0, 8.0, 0.5, Double.NEGATIVE_INFINITY, Double.NaN);
    }
}
