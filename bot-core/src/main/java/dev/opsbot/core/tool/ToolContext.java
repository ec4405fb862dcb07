package dev.opsbot.core.tool;

import dev.opsbot.core.identity.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a tool call may depend on besides its arguments: who it acts for and until when. Tools take
 * credentials for {@link #actor()} from what they were built with; they never read global credentials.
 */
public record ToolContext(Principal actor, Instant deadline, Clock clock) {
    public ToolContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
    }

    public static ToolContext of(Principal actor, Duration budget, Clock clock) {
        return new ToolContext(actor, clock.instant().plus(budget), clock);
    }

    /** Time left before the deadline, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A context for a sub-call that must finish sooner than this one. */
    public ToolContext within(Duration budget) {
        Instant sooner = clock.instant().plus(budget);
        return new ToolContext(actor, sooner.isBefore(deadline) ? sooner : deadline, clock);
    }
}
