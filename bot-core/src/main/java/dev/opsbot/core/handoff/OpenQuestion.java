package dev.opsbot.core.handoff;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A question asked in the shift that has no good answer yet: its thread is not resolved and its verdict is missing,
 * "unknown" or of low confidence.
 *
 * @param asker who asked (e-mail)
 * @param why why it counts as open ({@code no verdict}, {@code cause unknown}, {@code only 30 % confident})
 */
public record OpenQuestion(ThreadRef thread, String question, String asker, Instant at, String why) {
    public OpenQuestion {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(why, "why");
    }
}
