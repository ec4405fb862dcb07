package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "30s, PT30S",
        "5m, PT5M",
        "1h, PT1H",
        "2d, PT48H",
        "1h30m, PT1H30M",
        "PT30S, PT30S",
        "pt2m, PT2M",
        "' 15s ', PT15S",
        "0s, PT0S"
    })
    void shortAndIsoFormsAreRead(String text, String iso) {
        assertThat(Durations.parse("k", text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "-5s", "5 m", "5min", "1.5h", "PT", "P1Y", "s", ""})
    void anythingElseIsRefusedWithTheFormsThatWork(String text) {
        assertThatThrownBy(() -> Durations.parse("dispatcher.lease", text))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "dispatcher.lease: \"" + text + "\" is not a duration; use a number with a unit");
    }

    @Test
    void formatEchoesTheShortForm() {
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(5400))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
    }
}
