package dev.opsbot.core.learning;

import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.triage.Cause;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resolved thread teaches, before it is kept: built from the thread's verdict and the fix that worked, without
 * a model, so the same thread always proposes the same memory.
 *
 * @param kind a fix when an action fixed it, else a fact
 * @param text the memory as proposed (redacted sources only: verdicts are redacted when recorded)
 */
public record Lesson(MemoryKind kind, String text, String service, String namespace) {
    public Lesson {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(service, "service");
    }

    /**
     * The lesson of {@code verdict}, or empty when there is none: triage found nothing wrong and nothing was done.
     *
     * @param fixThatWorked the executed action, in words, or null
     */
    public static Optional<Lesson> of(Verdict verdict, String fixThatWorked) {
        boolean found = verdict.cause() != Cause.HEALTHY && verdict.cause() != Cause.UNKNOWN;
        if (!found && fixThatWorked == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(verdict.service())
                .append(" (")
                .append(verdict.namespace())
                .append("): ");
        if (found) {
            text.append(sentence(verdict.summary()))
                    .append(" (cause: ")
                    .append(verdict.cause().jsonName())
                    .append(").");
        } else {
            text.append("triage found no cause for \"")
                    .append(verdict.question())
                    .append("\".");
        }
        if (verdict.culprit() != null && found) {
            text.append(" Culprit: ").append(verdict.culprit()).append('.');
        }
        if (fixThatWorked != null) {
            text.append(" What fixed it: ").append(fixThatWorked).append('.');
        }
        return Optional.of(new Lesson(
                fixThatWorked == null ? MemoryKind.FACT : MemoryKind.FIX,
                text.toString(),
                verdict.service(),
                verdict.namespace()));
    }

    /** The same lesson in other words (a model's summary). */
    public Lesson withText(String text) {
        return new Lesson(kind, text, service, namespace);
    }

    private static String sentence(String summary) {
        String trimmed = summary.strip();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? trimmed : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
