package dev.opsbot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalInstantsTest {
    @Test
    void readsWhatInstantToStringWrites() {
        for (String text : new String[] {
            "2026-03-10T02:40:00Z",
            "2026-03-10T02:41:07.500Z",
            "2026-03-10T02:41:07.000001Z",
            "2026-03-10T02:41:07.123456789Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "2024-02-29T23:59:59Z"
        }) {
            assertThat(CanonicalInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesOtherFormsToInstantParse() {
        assertThat(CanonicalInstants.parse("+12026-03-10T02:40:00Z"))
                .isEqualTo(Instant.parse("+12026-03-10T02:40:00Z"));
        assertThat(CanonicalInstants.parse("2026-03-10T02:40:00.5Z"))
                .isEqualTo(Instant.parse("2026-03-10T02:40:00.5Z"));
    }

    @Test
    void textThatIsNoInstantIsNull() {
        assertThat(CanonicalInstants.parse(null)).isNull();
        assertThat(CanonicalInstants.parse("yesterday")).isNull();
        assertThat(CanonicalInstants.parse("2026-02-30T02:40:00Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-03-10T24:40:00Z")).isNull();
    }
}
