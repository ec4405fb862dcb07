package dev.opsbot.core.agent;

import java.util.Objects;

/**
 * One turn of a thread's conversation with the model, kept so that a follow-up continues it.
 *
 * @param role {@code person} (a question, with who asked) or {@code opsbot} (its answer)
 * @param text redacted
 */
public record Turn(String role, String text) {
    public static final String PERSON = "person";
    public static final String OPSBOT = "opsbot";

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
