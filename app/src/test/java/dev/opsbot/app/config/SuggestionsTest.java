package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> SERVER =
            List.of("host", "port", "consoleToken", "maxMessageChars", "shutdownGrace");

    @Test
    void nearMissesAreMatched() {
        assertThat(Suggestions.closest("prot", SERVER)).contains("port");
        assertThat(Suggestions.closest("hots", SERVER)).contains("host");
        assertThat(Suggestions.closest("consoleTokn", SERVER)).contains("consoleToken");
        assertThat(Suggestions.closest("max_message_chars", SERVER)).contains("maxMessageChars");
        assertThat(Suggestions.closest("shutdownGracePeriod", SERVER)).isEmpty();
    }

    @Test
    void unrelatedWordsAreNotForcedOntoAKey() {
        assertThat(Suggestions.closest("tls", SERVER)).isEmpty();
        assertThat(Suggestions.closest("colour", SERVER)).isEmpty();
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Suggestions.distance("prot", "port")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
