package dev.opsbot.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTextTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:45:00Z");

    @Test
    void theWholeTextEndsWithANewline() {
        assertThat(LogText.cut("a\nb", request(""))).isEqualTo("a\nb\n");
        assertThat(LogText.cut("a\r\nb\r\n", request(""))).isEqualTo("a\nb\n");
        assertThat(LogText.cut("", request("tailLines=3"))).isEmpty();
    }

    @Test
    void tailLinesKeepsTheLastLines() {
        assertThat(LogText.cut("1\n2\n3\n", request("tailLines=2"))).isEqualTo("2\n3\n");
        assertThat(LogText.cut("1\n2\n3\n", request("tailLines=10"))).isEqualTo("1\n2\n3\n");
        assertThat(LogText.cut("1\n2\n3\n", request("tailLines=0"))).isEmpty();
    }

    @Test
    void sinceIsRelativeToTheScenarioClockAndContinuationLinesFollowTheirLine() {
        String text = """
                2026-03-10T02:40:00Z old
                  continued old
                2026-03-10T02:44:00+00:00 new
                  continued new
                """;
        assertThat(LogText.cut(text, request("sinceSeconds=120")))
                .isEqualTo("2026-03-10T02:44:00+00:00 new\n  continued new\n");
        assertThat(LogText.cut(text, request("sinceTime=2026-03-10T02:30:00Z"))).isEqualTo(text);
    }

    @Test
    void limitBytesCutsTheAnswer() {
        assertThat(LogText.cut("hello\nworld\n", request("limitBytes=7"))).isEqualTo("hello\nw");
    }

    @Test
    void aLeadingTimeIsRecognisedOnlyAtTheStart() {
        assertThat(LogText.leadingTime("2026-03-10T02:44:00.123456789Z x"))
                .isEqualTo(Instant.parse("2026-03-10T02:44:00.123456789Z"));
        assertThat(LogText.leadingTime("INFO 2026-03-10T02:44:00Z x")).isNull();
        assertThat(LogText.leadingTime("[2026/03/10 02:31:53] x")).isNull();
    }

    private static LogRequest request(String query) {
        return LogRequest.parse(query, NOW);
    }
}
