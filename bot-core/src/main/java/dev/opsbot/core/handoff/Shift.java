package dev.opsbot.core.handoff;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The stretch of time a handoff covers in one channel: {@code from} inclusive, {@code to} exclusive.
 *
 * @param platform the chat platform ({@code slack})
 * @param channel the channel's id on it
 */
public record Shift(String platform, String channel, Instant from, Instant to) {
    public Shift {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a shift must start before it ends: from " + from + ", to " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Whether {@code thread} is in this shift's channel. */
    public boolean inChannel(ThreadRef thread) {
        return thread.platform().equals(platform) && thread.channel().equals(channel);
    }

    /** The team memory's team of the channel ({@code slack/C0INCIDENT}). */
    public String team() {
        return platform + "/" + channel;
    }
}
