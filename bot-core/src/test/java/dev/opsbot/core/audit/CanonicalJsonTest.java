package dev.opsbot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");

    @Test
    void eventIsWrittenWithItsTypeKeysSortedAndNoWhitespace() {
        var asked = new AuditEvent.QuestionAsked(T0, "alice@example.com", "console/C-ops/t-1", "why is checkout 5xx?");

        assertThat(CanonicalJson.of(asked))
                .isEqualTo("{\"actor\":\"alice@example.com\",\"at\":\"2026-03-10T02:40:00Z\","
                        + "\"question\":\"why is checkout 5xx?\",\"thread\":\"console/C-ops/t-1\","
                        + "\"type\":\"question_asked\"}");
    }

    @Test
    void nullFieldsAreLeftOutAndEmptyListsKept() {
        var refused = new AuditEvent.ElevationGranted(
                T0, "carol@example.com", AuditEvent.Mode.READ, null, null, "s", T0, null, null, null, null, null);

        assertThat(CanonicalJson.of(refused))
                .isEqualTo("{\"actor\":\"carol@example.com\",\"allowed\":[],\"at\":\"2026-03-10T02:40:00Z\","
                        + "\"expiresAt\":\"2026-03-10T02:40:00Z\",\"kubernetesGroups\":[],\"mode\":\"READ\","
                        + "\"sessionName\":\"s\",\"type\":\"elevation_granted\"}");
    }

    @Test
    void instantsAreIsoUtcWithTheFractionInGroupsOfThreeDigits() {
        assertThat(atOf(Instant.parse("2026-03-10T02:41:07.123456789Z"))).isEqualTo("2026-03-10T02:41:07.123456789Z");
        assertThat(atOf(Instant.parse("2026-03-10T02:41:07.5Z"))).isEqualTo("2026-03-10T02:41:07.500Z");
        assertThat(atOf(Instant.parse("2026-03-10T02:41:07.000001Z"))).isEqualTo("2026-03-10T02:41:07.000001Z");
        assertThat(atOf(T0)).isEqualTo("2026-03-10T02:40:00Z");
    }

    @Test
    void numbersAndBooleansArePlain() {
        var run = new AuditEvent.ToolRun(T0, "a", "t", null, null, 12_345_678_901L, 0, "success", null);
        var verified = new AuditEvent.ActionVerified(T0, "a", "p-1", false, null);

        assertThat(CanonicalJson.of(run))
                .contains("\"resultSize\":12345678901,")
                .contains("\"durationMillis\":0,");
        assertThat(CanonicalJson.of(verified)).contains("\"recovered\":false,");
    }

    @Test
    void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        String question = "a\"b\\c\nd\te\u0001f\u007fg é 🚀 \u2028 /";
        var asked = new AuditEvent.QuestionAsked(T0, "a", null, question);

        assertThat(CanonicalJson.of(asked))
                .contains("\"question\":\"a\\\"b\\\\c\\nd\\te\\u0001f\u007fg é 🚀 \u2028 /\"");
    }

    @Test
    void loneSurrogateIsEscapedSoTheTextSurvivesUtf8() {
        var asked = new AuditEvent.QuestionAsked(T0, "a", null, "x\ud800y");

        assertThat(CanonicalJson.of(asked)).contains("\"question\":\"x\\ud800y\"");
        assertThat(CanonicalJson.read(CanonicalJson.of(asked))).isEqualTo(asked);
    }

    @Test
    void everyEventTypeReadsBackEqualAndWritesAgainIdentically() {
        List<AuditEvent> examples = AuditEventExamples.everyType();

        for (AuditEvent event : examples) {
            String canonical = CanonicalJson.of(event);
            AuditEvent back = CanonicalJson.read(canonical);
            assertThat(back).as(canonical).isEqualTo(event);
            assertThat(CanonicalJson.of(back)).isEqualTo(canonical);
            assertThat(canonical).contains("\"type\":\"" + event.kind() + "\"");
        }
    }

    @Test
    void theExamplesCoverEveryEventType() {
        assertThat(AuditEventExamples.everyType())
                .extracting(Object::getClass)
                .containsExactlyInAnyOrder(
                        Arrays.stream(AuditEvent.class.getPermittedSubclasses()).toArray(Class<?>[]::new));
    }

    @Test
    void headerReadsTypeActorAndTimeOfAnyEventWithoutKnowingItsType() {
        var header = CanonicalJson.header(
                "{\"actor\":\"bob\",\"at\":\"2026-03-10T02:40:00Z\",\"nested\":{\"actor\":\"x\"},\"type\":\"future_event\"}");

        assertThat(header).isEqualTo(new CanonicalJson.Header("future_event", "bob", "2026-03-10T02:40:00Z"));
    }

    private static String atOf(Instant at) {
        String json = CanonicalJson.of(new AuditEvent.QuestionAsked(at, "a", null, "q"));
        return CanonicalJson.header(json).at();
    }
}
