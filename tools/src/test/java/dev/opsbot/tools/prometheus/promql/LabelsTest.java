package dev.opsbot.tools.prometheus.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void anEmptyValueIsNoLabel() {
        assertThat(Labels.of("pod", "a", "container", "")).isEqualTo(Labels.of(Map.of("pod", "a")));
    }

    @Test
    void sortsLikePrometheusLabelByLabelWithAPrefixFirst() {
        List<Labels> sorted = List.of(
                        Labels.of("b", "1"),
                        Labels.of("a", "2"),
                        Labels.of("a", "1", "b", "1"),
                        Labels.of("a", "1"),
                        Labels.EMPTY)
                .stream()
                .sorted()
                .toList();

        assertThat(sorted)
                .containsExactly(
                        Labels.EMPTY,
                        Labels.of("a", "1"),
                        Labels.of("a", "1", "b", "1"),
                        Labels.of("a", "2"),
                        Labels.of("b", "1"));
    }

    @Test
    void printsAsPromqlWithEscapes() {
        assertThat(Labels.of("__name__", "up", "job", "a\"b\\c\nd")).hasToString("up{job=\"a\\\"b\\\\c\\nd\"}");
        assertThat(Labels.of("job", "a")).hasToString("{job=\"a\"}");
        assertThat(Labels.EMPTY).hasToString("{}");
    }

    @Test
    void keepAndWithoutNarrowTheSet() {
        Labels labels = Labels.of("__name__", "up", "job", "a", "pod", "p");

        assertThat(labels.keep(List.of("job", "missing"))).isEqualTo(Labels.of("job", "a"));
        assertThat(labels.without(List.of("pod"))).isEqualTo(Labels.of("__name__", "up", "job", "a"));
        assertThat(labels.withoutMetricName()).isEqualTo(Labels.of("job", "a", "pod", "p"));
    }
}
