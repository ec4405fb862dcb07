package dev.opsbot.identity.sts;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the sessions opsbot asks STS for last, and how early a cached read session is replaced.
 *
 * @param readDuration a read session's lifetime (STS {@code DurationSeconds})
 * @param writeDuration a write session's lifetime: the time one approved action has to run
 * @param refreshMargin a cached read session is not handed out once it expires within this margin, so a tool never
 *     starts a call with credentials that end during it
 */
public record StsSettings(Duration readDuration, Duration writeDuration, Duration refreshMargin) {
    /** STS refuses shorter sessions. */
    public static final Duration MINIMUM_SESSION = Duration.ofSeconds(900);

    /**
     * opsbot's own credentials are a role session (instance profile, IRSA), so every AssumeRole it makes is role
     * chaining, which STS caps at one hour whatever the role's maximum session duration says.
     */
    public static final Duration MAXIMUM_SESSION = Duration.ofHours(1);

    public StsSettings {
        requireSessionLength(readDuration, "read");
        requireSessionLength(writeDuration, "write");
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative() || refreshMargin.compareTo(readDuration) >= 0) {
            throw new IllegalArgumentException("the refresh margin must be between 0 and the read session's length ("
                    + readDuration + "), not " + refreshMargin);
        }
    }

    /** 15-minute sessions, replaced 2 minutes before they end. */
    public static StsSettings defaults() {
        return new StsSettings(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(2));
    }

    int readSeconds() {
        return (int) readDuration.toSeconds();
    }

    int writeSeconds() {
        return (int) writeDuration.toSeconds();
    }

    private static void requireSessionLength(Duration duration, String which) {
        Objects.requireNonNull(duration, which + "Duration");
        if (duration.compareTo(MINIMUM_SESSION) < 0) {
            throw new IllegalArgumentException("a " + which
                    + " session must last at least 15 minutes (STS's minimum is " + "900 s), not " + duration);
        }
        if (duration.compareTo(MAXIMUM_SESSION) > 0) {
            throw new IllegalArgumentException("a " + which + " session can last at most 1 hour (STS caps role "
                    + "chaining from opsbot's own role at 3600 s), not " + duration);
        }
    }
}
