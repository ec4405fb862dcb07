package dev.opsbot.core.store;

import dev.opsbot.core.chat.MessageRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A message opsbot posted. {@code kind} says what it is ({@code answer}, {@code progress}, {@code proposal}, ...)
 * and {@code subject} what it is about (a proposal id), so a reaction on it can be routed.
 */
public record BotMessage(MessageRef ref, String kind, String subject, Instant postedAt) {
    public BotMessage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(postedAt, "postedAt");
    }
}
