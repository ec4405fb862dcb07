package dev.opsbot.core.memory;

import java.util.Objects;

/**
 * One thing the team learned. {@code text} is redacted before it is stored.
 *
 * @param id short and stable, for {@code forget <id>} ({@code m-3f9a2c})
 * @param uses how often it was cited in an answer
 * @param upVotes :+1: reactions on answers that cited it
 * @param downVotes :-1: reactions on answers that cited it
 */
public record MemoryItem(
        String id,
        MemoryKind kind,
        String text,
        MemoryScope scope,
        MemorySource source,
        int uses,
        int upVotes,
        int downVotes) {
    public static final int MAX_TEXT = 2_000;

    public MemoryItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a memory's text must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "a memory holds at most " + MAX_TEXT + " characters, this one " + text.length());
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
    }

    public MemoryItem withUsage(int uses, int upVotes, int downVotes) {
        return new MemoryItem(id, kind, text, scope, source, uses, upVotes, downVotes);
    }
}
