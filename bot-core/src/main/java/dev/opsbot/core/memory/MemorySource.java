package dev.opsbot.core.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a memory was learned.
 *
 * @param thread {@code platform/channel/thread}
 * @param message the message it came from, or null
 * @param author who taught it (an e-mail, or {@code opsbot} for one opsbot proposed and nobody objected to)
 * @param channelName the channel as people call it ({@code #inc-checkout}), for citations
 */
public record MemorySource(String thread, String message, String author, String channelName, Instant at) {
    public MemorySource {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
    }
}
