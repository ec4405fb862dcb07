package dev.opsbot.core.learning;

import static dev.opsbot.core.learning.Fixtures.OOM_SUMMARY;
import static dev.opsbot.core.learning.Fixtures.THREAD;
import static dev.opsbot.core.learning.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.triage.Cause;
import org.junit.jupiter.api.Test;

class LessonTest {
    @Test
    void aFixThatWorkedMakesAFixWithCauseCulpritAndTheAction() {
        Lesson lesson = Lesson.of(
                        verdict(THREAD, Cause.OOM, OOM_SUMMARY + "."),
                        "rollback deployment shop/checkout to" + " revision 41")
                .orElseThrow();

        assertThat(lesson.kind()).isEqualTo(MemoryKind.FIX);
        assertThat(lesson.text())
                .isEqualTo("checkout (shop): Memory limit lowered 512Mi -> 128Mi in revision 42 at 02:31; 2 pods"
                        + " OOMKilled, CrashLoopBackOff (cause: oom). Culprit: Deployment shop/checkout revision 42."
                        + " What fixed it: rollback deployment shop/checkout to revision 41.");
        assertThat(lesson.service()).isEqualTo("checkout");
        assertThat(lesson.namespace()).isEqualTo("shop");
    }

    @Test
    void withoutAnActionItIsAFactAboutTheCause() {
        Lesson lesson = Lesson.of(verdict(THREAD, Cause.OOM, OOM_SUMMARY), null).orElseThrow();

        assertThat(lesson.kind()).isEqualTo(MemoryKind.FACT);
        assertThat(lesson.text()).contains("(cause: oom)").doesNotContain("What fixed it");
    }

    @Test
    void aHealthyVerdictWithNothingDoneTeachesNothing() {
        assertThat(Lesson.of(verdict(THREAD, Cause.HEALTHY, "no 5xx found"), null))
                .isEmpty();
    }

    @Test
    void anUnknownCauseFixedByAnActionStillTeachesTheFix() {
        Lesson lesson = Lesson.of(verdict(THREAD, Cause.UNKNOWN, "cause not found"), "restart deployment shop/checkout")
                .orElseThrow();

        assertThat(lesson.kind()).isEqualTo(MemoryKind.FIX);
        assertThat(lesson.text())
                .isEqualTo("checkout (shop): triage found no cause for \"why is checkout 5xx?\". What fixed it:"
                        + " restart deployment shop/checkout.")
                .doesNotContain("Culprit");
    }

    @Test
    void theSameVerdictAlwaysMakesTheSameLesson() {
        assertThat(Lesson.of(verdict(THREAD, Cause.OOM, OOM_SUMMARY), "x"))
                .isEqualTo(Lesson.of(verdict(THREAD, Cause.OOM, OOM_SUMMARY), "x"));
    }
}
