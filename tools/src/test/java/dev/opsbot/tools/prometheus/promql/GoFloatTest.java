package dev.opsbot.tools.prometheus.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoFloatTest {
    @ParameterizedTest
    @CsvSource({
        "1, 1",
        "-2.5, -2.5",
        "+.5, 0.5",
        "5., 5",
        "1e3, 1000",
        "1E-3, 0.001",
        "+Inf, Infinity",
        "inf, Infinity",
        "Infinity, Infinity",
        "-inf, -Infinity",
        "-INFINITY, -Infinity",
        "NaN, NaN",
        "nan, NaN"
    })
    void readsWhatGoReads(String text, Double expected) {
        assertThat(GoFloat.parse(text)).isEqualTo(expected); // boxed: NaN equals NaN
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "1d", "1f", "0x10", "0x1p3", "1_000", " 1", "1 ", "+nan", "-NaN", "1e", "."})
    void refusesWhatGoRefusesThoughJavaWouldRead(String text) {
        assertThatThrownBy(() -> GoFloat.parse(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("\"" + text + "\" is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e309"})
    void anOverflowIsAnErrorNotAnInfinity(String text) {
        assertThatThrownBy(() -> GoFloat.parse(text)).hasMessage("\"" + text + "\" is out of range for a 64-bit float");
    }
}
