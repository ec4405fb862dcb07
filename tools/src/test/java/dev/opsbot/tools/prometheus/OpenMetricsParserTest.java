package dev.opsbot.tools.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenMetricsParserTest {
    private static final String FILE = "metrics/http.om";

    @Test
    void readsCountersGaugesAndHistogramsWithTheirTimestamps() {
        List<Sample> samples = OpenMetricsParser.parse(FILE, """
                # HELP http_requests Requests served.
                # TYPE http_requests counter
                http_requests_total{service="checkout",code="500"} 7 1773108000
                http_requests_total{service="checkout",code="500"} 12 1773108015.5 # {trace_id="abc"} 1 1773108015.1
                http_requests_created{service="checkout",code="500"} 1773107000 1773108000
                # TYPE memory_bytes gauge
                # UNIT memory_bytes bytes
                memory_bytes{pod="a"} 1.5e8 1773108000
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.5"} 3 1773108000
                latency_seconds_bucket{le="+Inf"} 4 1773108000
                latency_seconds_count 4 1773108000
                latency_seconds_sum 1.25 1773108000
                up 1 1773108000
                # EOF
                """);

        assertThat(samples)
                .containsExactly(
                        sample(
                                Map.of("__name__", "http_requests_total", "service", "checkout", "code", "500"),
                                1773108000000L,
                                7),
                        sample(
                                Map.of("__name__", "http_requests_total", "service", "checkout", "code", "500"),
                                1773108015500L,
                                12),
                        sample(
                                Map.of("__name__", "http_requests_created", "service", "checkout", "code", "500"),
                                1773108000000L,
                                1773107000),
                        sample(Map.of("__name__", "memory_bytes", "pod", "a"), 1773108000000L, 1.5e8),
                        sample(Map.of("__name__", "latency_seconds_bucket", "le", "0.5"), 1773108000000L, 3),
                        sample(Map.of("__name__", "latency_seconds_bucket", "le", "+Inf"), 1773108000000L, 4),
                        sample(Map.of("__name__", "latency_seconds_count"), 1773108000000L, 4),
                        sample(Map.of("__name__", "latency_seconds_sum"), 1773108000000L, 1.25),
                        sample(Map.of("__name__", "up"), 1773108000000L, 1));
    }

    @Test
    void readsNanInfinitiesAndEscapedLabelValues() {
        List<Sample> samples = OpenMetricsParser.parse(FILE, """
                ratio{path="C:\\\\temp",quote="say \\"hi\\"",lines="a\\nb"} NaN 1
                ratio{path="x"} +Inf 2
                ratio{path="y"} -Inf 3
                ratio{path="z"} -0.5e-3 4
                # EOF""");

        assertThat(samples.get(0).labels())
                .containsEntry("path", "C:\\temp")
                .containsEntry("quote", "say \"hi\"")
                .containsEntry("lines", "a\nb");
        assertThat(samples)
                .extracting(Sample::value)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0005);
    }

    @Test
    void truncatesTimestampsToMillisecondsAfterAFloatMultiplicationAsPrometheusDoes() {
        // 1.001 * 1000 is 1000.9999999999999 in binary floating point; promtool stores 1000, and so must we.
        List<Sample> samples = OpenMetricsParser.parse(FILE, "a 1 1.001\na 2 2.0019\n# EOF\n");

        assertThat(samples).extracting(Sample::timestampMillis).containsExactly(1000L, 2001L);
    }

    @Test
    void leavesOutLabelsWithAnEmptyValueAsPrometheusStoresThem() {
        List<Sample> samples = OpenMetricsParser.parse(FILE, "mem{pod=\"a\",container=\"\"} 1 1\n# EOF\n");

        assertThat(samples.get(0).labels()).containsOnlyKeys("__name__", "pod");
    }

    @Test
    void acceptsAFileWithoutSamples() {
        assertThat(OpenMetricsParser.parse(FILE, "# EOF\n")).isEmpty();
    }

    @Test
    void readsAFileFromDiskAndNamesItAsTold(@TempDir Path directory) throws IOException {
        Path file = Files.write(
                directory.resolve("http.om"),
                new byte[] {'a', ' ', '1', ' ', '1', '\n', (byte) 0xff, '\n', '#', ' ', 'E', 'O', 'F', '\n'});

        OpenMetricsFormatException error = catchThrowableOfType(
                OpenMetricsFormatException.class, () -> OpenMetricsParser.read(file, "metrics/http.om"));

        assertThat(error).hasMessage("metrics/http.om line 2: the line is not valid UTF-8");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("a 1 1\n", 2, "the file does not end with # EOF (OpenMetrics requires it as the last line)"),
                bad("a 1 1\n# EOF\nb 1 1\n", 3, "nothing may follow # EOF"),
                bad("a 1 1\n\na 2 2\n# EOF\n", 2, "empty line: OpenMetrics allows none before # EOF"),
                bad(
                        "# scraped by hand\n# EOF\n",
                        1,
                        "a line starting with # must be # HELP, # TYPE, # UNIT or # EOF"
                                + " (OpenMetrics has no free comments)"),
                bad(
                        "a 1 1\r\n# EOF\n",
                        1,
                        "the line ends with a carriage return: OpenMetrics lines end with \\n" + " alone"),
                bad("# TYPE\n# EOF\n", 1, "expected a metric name after # TYPE"),
                bad("# HELP a\n# EOF\n", 1, "expected text after # HELP a"),
                bad(
                        "# TYPE a countr\n# EOF\n",
                        1,
                        "unknown metric type \"countr\" (expected counter, gauge, histogram,"
                                + " gaugehistogram, summary, info, stateset, unknown)"),
                bad(
                        "# UNIT a_bytes seconds\n# EOF\n",
                        1,
                        "the unit seconds must be the suffix of the metric name" + " (a_bytes_seconds)"),
                bad(
                        "# TYPE http_requests_total counter\n# EOF\n",
                        1,
                        "a counter's family name leaves out _total:"
                                + " write # TYPE http_requests counter and name its samples http_requests_total"),
                bad(
                        "# TYPE http_requests counter\nhttp_requests 1 1\n# EOF\n",
                        2,
                        "counter http_requests:"
                                + " OpenMetrics names its samples http_requests_total, not http_requests"),
                bad(
                        "# TYPE lat histogram\nlat 1 1\n# EOF\n",
                        2,
                        "histogram lat: its samples are lat_bucket{le=\"...\"}," + " lat_count and lat_sum, not lat"),
                bad(
                        "# TYPE lat histogram\nlat_bucket 1 1\n# EOF\n",
                        2,
                        "histogram bucket lat_bucket needs an le label (its"
                                + " upper bound, e.g. le=\"0.5\" or le=\"+Inf\")"),
                bad(
                        "# TYPE lat histogram\nlat_bucket{le=\"fast\"} 1 1\n# EOF\n",
                        2,
                        "histogram bucket lat_bucket has" + " le=\"fast\", which is not a number"),
                bad("# TYPE build info\nbuild 1 1\n# EOF\n", 2, "info build: OpenMetrics names its samples build_info"),
                bad("1up 1 1\n# EOF\n", 1, "expected a metric name at the start of the line, found '1'"),
                bad(
                        "up-time 1 1\n# EOF\n",
                        1,
                        "expected a space and a value after the metric name, found \"-time 1" + " 1\""),
                bad(
                        "a{b=\"c\",} 1 1\n# EOF\n",
                        1,
                        "expected a label name, found \"} 1 1\" (OpenMetrics allows no" + " comma before '}')"),
                bad("a{1b=\"c\"} 1 1\n# EOF\n", 1, "expected a label name, found \"1b=\"c\"} 1 1\""),
                bad("a{b:c=\"d\"} 1 1\n# EOF\n", 1, "expected '=' after the label name b, found \":c=\"d\"} 1 1\""),
                bad("a{b=c} 1 1\n# EOF\n", 1, "expected a double-quoted value for b, found \"c} 1 1\""),
                bad("a{b=\"c} 1 1\n# EOF\n", 1, "the value of b has no closing quote"),
                bad(
                        "a{b=\"c\\td\"} 1 1\n# EOF\n",
                        1,
                        "unknown escape \\t in the value of b (OpenMetrics allows \\\\," + " \\\" and \\n)"),
                bad(
                        "a{b=\"c\" d=\"e\"} 1 1\n# EOF\n",
                        1,
                        "expected ',' or '}' after the value of b, found \" d=\"e\"}" + " 1 1\""),
                bad("a{b=\"c\",b=\"d\"} 1 1\n# EOF\n", 1, "the label b appears twice"),
                bad(
                        "a{__name__=\"b\"} 1 1\n# EOF\n",
                        1,
                        "__name__ cannot be a label: the metric name goes before the" + " braces"),
                bad("a{b=\"c\"}\n# EOF\n", 1, "expected a value after the labels"),
                bad(
                        "a{b=\"c\"}  1 1\n# EOF\n",
                        1,
                        "expected a value after the labels, found a second space"
                                + " (OpenMetrics separates fields with one)"),
                bad(
                        "a fast 1\n# EOF\n",
                        1,
                        "the value \"fast\" is not a number (expected a number, NaN, +Inf or" + " -Inf)"),
                bad(
                        "a 1e400 1\n# EOF\n",
                        1,
                        "the value \"1e400\" is out of range for a 64-bit float (expected a"
                                + " number, NaN, +Inf or -Inf)"),
                bad(
                        "a 0x10 1\n# EOF\n",
                        1,
                        "the value \"0x10\" is not a number (expected a number, NaN, +Inf or" + " -Inf)"),
                bad("a 1\n# EOF\n", 1, "expected a timestamp after the value: promtool needs one on every sample"),
                bad("a 1 NaN\n# EOF\n", 1, "invalid timestamp NaN"),
                bad("a 1 1 extra\n# EOF\n", 1, "unexpected text after the timestamp: \" extra\""),
                bad(
                        "a 1 1 # {t=\"x\"} 1\n# EOF\n",
                        1,
                        "exemplars are only allowed on _total and _bucket samples," + " not on a"),
                bad("a_total 1 1 # {t=\"x\"} 1 2 3\n# EOF\n", 1, "unexpected text after the exemplar: \" 3\""),
                bad(
                        "a{b=\"c\"} 1 20\na{b=\"c\"} 2 10\n# EOF\n",
                        2,
                        "this sample of a{b=\"c\"} at"
                                + " 1970-01-01T00:00:10Z is not later than the one on line 1 at 1970-01-01T00:00:20Z: each"
                                + " series' samples must be in increasing time order"),
                bad(
                        "a 1 10\na 1 10\n# EOF\n",
                        2,
                        "this sample of a at 1970-01-01T00:00:10Z is not later"
                                + " than the one on line 1 at 1970-01-01T00:00:10Z: each series' samples must be in"
                                + " increasing time order"));
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @MethodSource("badInput")
    void refusesBadInputNamingTheFileTheLineAndTheProblem(String text, int line, String problem) {
        OpenMetricsFormatException error =
                catchThrowableOfType(OpenMetricsFormatException.class, () -> OpenMetricsParser.parse(FILE, text));

        assertThat(error).as("an OpenMetricsFormatException for %s", text).isNotNull();
        assertThat(error.getMessage()).isEqualTo(FILE + " line " + line + ": " + problem);
        assertThat(error.fileName()).isEqualTo(FILE);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.retriable()).isFalse();
    }

    private static Arguments bad(String text, int line, String problem) {
        return Arguments.of(text, line, problem);
    }

    private static Sample sample(Map<String, String> labels, long timestampMillis, double value) {
        return new Sample(labels, timestampMillis, value);
    }
}
