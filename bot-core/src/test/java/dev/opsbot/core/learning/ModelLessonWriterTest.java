package dev.opsbot.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.RateLimitException;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.testing.agent.ScriptedChatModel;
import org.junit.jupiter.api.Test;

class ModelLessonWriterTest {
    private static final Lesson LESSON = new Lesson(
            MemoryKind.FIX,
            "checkout (shop): Memory limit lowered 512Mi -> 128Mi (cause: oom). What fixed it: rollback to revision 41."
                    + " password=Hunter2Hunter2Hunter2",
            "checkout",
            "shop");

    @Test
    void theModelsSummaryIsKeptRedacted() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenText("checkout gets OOMKilled when its memory limit drops below 512Mi; rolling back to"
                        + " revision 41 fixed it. token ghp_abcdefghijklmnopqrstuvwxyz0123456789");

        Lesson written = new ModelLessonWriter(model).write(LESSON);

        assertThat(written.text())
                .startsWith("checkout gets OOMKilled when its memory limit drops below 512Mi")
                .doesNotContain("ghp_abcdefghij");
        assertThat(written.kind()).isEqualTo(MemoryKind.FIX);
        assertThat(model.everythingSent())
                .doesNotContain("Hunter2Hunter2Hunter2")
                .contains("<lesson>checkout (shop)");
    }

    @Test
    void aFailingModelKeepsTheLessonAsBuilt() {
        ScriptedChatModel model = new ScriptedChatModel().thenThrow(new RateLimitException("slow down"));

        assertThat(new ModelLessonWriter(model).write(LESSON)).isEqualTo(LESSON);
    }

    @Test
    void aSummaryThatLosesTheServiceOrRunsLongIsNotUsed() {
        assertThat(new ModelLessonWriter(new ScriptedChatModel().thenText("It ran out of memory.")).write(LESSON))
                .isEqualTo(LESSON);
        assertThat(new ModelLessonWriter(new ScriptedChatModel().thenText("checkout " + "x".repeat(500))).write(LESSON))
                .isEqualTo(LESSON);
        assertThat(new ModelLessonWriter(new ScriptedChatModel().thenText("  ")).write(LESSON))
                .isEqualTo(LESSON);
    }
}
