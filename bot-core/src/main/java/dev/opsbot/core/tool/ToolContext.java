package dev.opsbot.core.tool;

import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a tool call may depend on besides its arguments: who it acts for and until when. Kubernetes tools
 * impersonate {@link #actor()}; AWS tools take {@link #cloud()}, the person's own session. Tools never read global
 * credentials.
 */
public record ToolContext(Principal actor, CloudCredentials cloud, Instant deadline, Clock clock) {
    private static final CloudCredentials NO_CLOUD =
            CloudCredentials.none("this request carries no AWS identity (no read role was resolved for it)");

    public ToolContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context with no AWS identity: an AWS tool called in it fails as forbidden. */
    public ToolContext(Principal actor, Instant deadline, Clock clock) {
        this(actor, NO_CLOUD, deadline, clock);
    }

    public static ToolContext of(Principal actor, Duration budget, Clock clock) {
        return new ToolContext(actor, clock.instant().plus(budget), clock);
    }

    public static ToolContext of(Principal actor, CloudCredentials cloud, Duration budget, Clock clock) {
        return new ToolContext(actor, cloud, clock.instant().plus(budget), clock);
    }

    /** Time left before the deadline, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A context for a sub-call that must finish sooner than this one. */
    public ToolContext within(Duration budget) {
        Instant sooner = clock.instant().plus(budget);
        return new ToolContext(actor, cloud, sooner.isBefore(deadline) ? sooner : deadline, clock);
    }
}
