package dev.opsbot.core.learning;

/** Puts a lesson in words for the team: as built (no model), or summarised by the model when one is configured. */
@FunctionalInterface
public interface LessonWriter {
    LessonWriter AS_BUILT = lesson -> lesson;

    /** The lesson to propose; never fails: a writer that cannot do better returns {@code lesson} itself. */
    Lesson write(Lesson lesson);
}
