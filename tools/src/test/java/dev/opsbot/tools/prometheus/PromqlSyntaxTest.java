package dev.opsbot.tools.prometheus;

import static dev.opsbot.tools.prometheus.Scenario.T;
import static dev.opsbot.tools.prometheus.Scenario.at;
import static dev.opsbot.tools.prometheus.Scenario.metrics;
import static dev.opsbot.tools.prometheus.Scenario.onlyValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the parser accepts, and how it refuses invalid queries and constructs outside the subset. */
class PromqlSyntaxTest {
    private final InMemoryMetrics metrics = metrics(
            "a{job=\"x\"} 1 0", "a{job=\"x\"} 2 60", "a{job=\"x\"} 3 5400", "b{job=\"it's \\\"quoted\\\"\"} 7 0");

    static Stream<Arguments> outsideTheSubset() {
        return Stream.of(
                Arguments.of("a offset 5m", "the offset modifier"),
                Arguments.of("a @ 1773108000", "the @ modifier"),
                Arguments.of("max_over_time(rate(a[5m])[30m:1m])", "a subquery ([range:step])"),
                Arguments.of("topk(3, a)", "the aggregation topk()"),
                Arguments.of("quantile by (job) (0.9, a)", "the aggregation quantile()"),
                Arguments.of("count_values(\"v\", a)", "the aggregation count_values()"),
                Arguments.of("sum(a, 1)", "a parameter to sum()"),
                Arguments.of("label_replace(a, \"b\", \"$1\", \"job\", \"(.*)\")", "the function label_replace()"),
                Arguments.of("predict_linear(a[1h], 3600)", "the function predict_linear()"),
                Arguments.of("a * on(job) group_left b", "group_left (many-to-one matching)"),
                Arguments.of("a atan2 b", "the atan2 operator"),
                Arguments.of("\"a string\"", "a string literal"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("outsideTheSubset")
    void aConstructOutsideTheSubsetIsABadQueryThatNamesIt(String query, String construct) {
        MetricsQueryException error = refused(query);

        assertThat(error.getMessage()).startsWith(construct + " is not supported by opsbot's in-memory PromQL");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "the query is empty"),
                Arguments.of("sum(a", "unexpected end of the query at char 6: expected \")\""),
                Arguments.of("a +", "unexpected end of the query at char 4: expected an expression"),
                Arguments.of("a b", "unexpected \"b\" at char 3: expected an operator or the end of the query"),
                Arguments.of("rate(a)", "expected type range vector in call to function \"rate\", got instant vector"),
                Arguments.of(
                        "histogram_quantile(0.5)", "expected 2 argument(s) in call to \"histogram_quantile\", got 1"),
                Arguments.of(
                        "clamp_min(a, a)",
                        "expected type scalar in call to function \"clamp_min\", got instant" + " vector"),
                Arguments.of("sum(1)", "expected type instant vector in aggregation expression, got scalar"),
                Arguments.of("a[5m] + 1", "binary expression must contain only scalar and instant vector types"),
                Arguments.of(
                        "-a[5m]",
                        "unary expression only allowed on expressions of type scalar or instant vector,"
                                + " got \"range vector\""),
                Arguments.of("1 > 2", "comparisons between scalars must use BOOL modifier"),
                Arguments.of("a + bool 1", "bool modifier can only be used on comparison operators"),
                Arguments.of("1 and a", "set operator \"and\" not allowed in binary scalar expression"),
                Arguments.of("a + on(job) 1", "vector matching only allowed between instant vectors"),
                Arguments.of("{job=~\".*\"}", "vector selector must contain at least one non-empty matcher"),
                Arguments.of("a{__name__=\"b\"}", "metric name must not be set twice: \"a\" or \"b\""),
                Arguments.of("frobnicate(a)", "unknown function with name \"frobnicate\""),
                Arguments.of("(a)[5m]", "ranges only allowed for vector selectors (the \"[\" at char 4)"),
                Arguments.of("a[5m][1m]", "ranges only allowed for vector selectors (the \"[\" at char 6)"),
                Arguments.of("a[0s]", "range must be greater than 0: \"0s\""),
                Arguments.of("a[5x]", "bad number or duration \"5x\" at char 3"),
                Arguments.of("a[5]", "unexpected \"5\" at char 3: expected a duration such as 5m"),
                Arguments.of("a[1m1h]", "bad number or duration \"1m1h\" at char 3"),
                Arguments.of(
                        "clamp_max(a, 5,)",
                        "trailing commas not allowed in function call args (the \",\" at" + " char 15)"),
                Arguments.of("VECTOR(1)", "unknown function with name \"VECTOR\""),
                Arguments.of("5m", "unexpected duration \"5m\" at char 1: durations belong inside [...]"),
                Arguments.of("a{job~\"x\"}", "unexpected character \"~\" at char 6"),
                Arguments.of("a{job=x}", "unexpected \"x\" at char 7: expected a quoted label value"),
                Arguments.of("a{job=\"x}", "unterminated string starting at char 7"),
                Arguments.of("a{job=~\"(\"}", "invalid regular expression \"(\": Unclosed group"),
                Arguments.of("a{job=\"\\q\"}", "unknown escape \\q at char 8"),
                Arguments.of("a{a:b=\"x\"}", "expected a label name at char 3, found \"a:b\""),
                Arguments.of(
                        "sum by (job a)",
                        "unexpected \"a\" at char 13: expected \",\" or \")\" in the label" + " list"),
                Arguments.of("a ! b", "unexpected \"!\" at char 3: expected != or !~"),
                Arguments.of("by", "unexpected \"by\" at char 1: expected an expression"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void anInvalidQueryIsABadQueryThatSaysWhatIsWrong(String query, String message) {
        assertThat(refused(query)).hasMessage(message);
    }

    @Test
    void acceptsCommentsTrailingCommasAndAnyQuoting() {
        assertThat(onlyValue(metrics.instant("a{job=\"x\",} # the only series", T)))
                .isEqualTo(1);
        assertThat(onlyValue(metrics.instant("a{job='x'}", T))).isEqualTo(1);
        assertThat(onlyValue(metrics.instant("a{job=`x`}", T))).isEqualTo(1);
        assertThat(onlyValue(metrics.instant("b{job=\"it's \\\"quoted\\\"\"}", T)))
                .isEqualTo(7);
        assertThat(onlyValue(metrics.instant("b{job='it\\'s \"quoted\"'}", T))).isEqualTo(7);
        assertThat(onlyValue(metrics.instant("b{job=~`it's \\\"quoted\\\"`}", T)))
                .isEqualTo(7);
        assertThat(onlyValue(metrics.instant("sum by (job,) (a)", T))).isEqualTo(1);
    }

    @Test
    void readsCompoundDurations() {
        // 1h30m back from 5400 s reaches the first sample at 0: the increase is 2 with no extrapolation.
        assertThat(onlyValue(metrics.instant("increase(a[1h30m])", at(5400)))).isEqualTo(2);
        assertThat(onlyValue(metrics.instant("increase(a[5400000ms])", at(5400))))
                .isEqualTo(2);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(onlyValue(metrics.instant("SUM WITHOUT (job) (a) AND ON() vector(1)", T)))
                .isEqualTo(1);
    }

    private MetricsQueryException refused(String query) {
        MetricsQueryException error =
                catchThrowableOfType(MetricsQueryException.class, () -> metrics.instant(query, T));
        assertThat(error).as("%s is refused", query).isNotNull();
        assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(error.retriable()).isFalse();
        return error;
    }
}
