package dev.opsbot.tools.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.tools.prometheus.promql.PromqlDialect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Small in-memory metrics for unit tests, written as OpenMetrics sample lines whose timestamp is in seconds after
 * {@link #T} ({@code "temp 100 15"} is 100 at T + 15 s), so that expectations can be computed by hand.
 */
final class Scenario {
    /** 2026-03-10T02:00:00Z. */
    static final Instant T = Instant.parse("2026-03-10T02:00:00Z");

    private Scenario() {}

    static InMemoryMetrics metrics(String... lines) {
        return metrics(PromqlDialect.PROMETHEUS_2, lines);
    }

    static InMemoryMetrics metrics(PromqlDialect dialect, String... lines) {
        return InMemoryMetrics.builder().dialect(dialect).add(samples(lines)).build();
    }

    static List<Sample> samples(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            int lastSpace = line.lastIndexOf(' ');
            BigDecimal seconds =
                    new BigDecimal(line.substring(lastSpace + 1)).add(BigDecimal.valueOf(T.getEpochSecond()));
            text.append(line, 0, lastSpace)
                    .append(' ')
                    .append(seconds.toPlainString())
                    .append('\n');
        }
        return OpenMetricsParser.parse("test.om", text + "# EOF\n");
    }

    static Instant at(double secondsAfterT) {
        return T.plusMillis(Math.round(secondsAfterT * 1000));
    }

    /** The value of the only point of the only series. */
    static double onlyValue(List<Series> result) {
        assertThat(result).hasSize(1);
        assertThat(result.get(0).points()).hasSize(1);
        return result.get(0).points().get(0).value();
    }

    /** Each series' labels mapped to its only point's value. */
    static Map<Map<String, String>, Double> values(List<Series> result) {
        return result.stream().collect(Collectors.toMap(Series::labels, series -> {
            assertThat(series.points()).hasSize(1);
            return series.points().get(0).value();
        }));
    }
}
