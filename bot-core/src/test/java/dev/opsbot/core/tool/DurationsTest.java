package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 ms",
        "1, 1 ms",
        "450, 450 ms",
        "999, 999 ms",
        "1000, 1 s",
        "1500, 1.5 s",
        "2000, 2 s",
        "5000, 5 s",
        "59000, 59 s",
        "60000, 1 min",
        "180000, 3 min",
        "3600000, 60 min"
    })
    void durationsReadAsPeopleSayThem(long millis, String expected) {
        assertThat(Durations.human(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void subMillisecondPrecisionIsDropped() {
        assertThat(Durations.human(Duration.ofNanos(1_999_999))).isEqualTo("1 ms");
    }

    @Test
    void theDecimalSeparatorIsAPointWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);

            assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        } finally {
            Locale.setDefault(before);
        }
    }
}
