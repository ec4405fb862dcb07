package dev.opsbot.tools.github;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.tools.http.HttpReply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * GitHub answers 403 or 429 both for "not allowed" and for "too many requests"; only the headers tell them apart.
 * Primary limits send {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} (epoch seconds); secondary
 * limits send {@code retry-after} (seconds).
 */
final class RateLimits {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private RateLimits() {}

    static Optional<SourceFailure> check(HttpReply reply, Instant now) {
        if (reply.status() != 403 && reply.status() != 429) {
            return Optional.empty();
        }
        Instant until = null;
        if (reply.header("x-ratelimit-remaining").equals("0")) {
            until = epochSeconds(reply.header("x-ratelimit-reset"));
            until = until == null ? now.plusSeconds(60) : until;
        } else if (!reply.header("retry-after").isEmpty()) {
            Long seconds = number(reply.header("retry-after"));
            until = now.plusSeconds(seconds == null ? 60 : seconds);
        } else if (reply.status() == 429) {
            until = now.plusSeconds(60);
        }
        if (until == null) {
            return Optional.empty();
        }
        return Optional.of(new SourceFailure(
                GitHubClient.SOURCE,
                SourceFailure.Kind.UNAVAILABLE,
                "github rate limit reached until " + CLOCK.format(until) + " UTC",
                null));
    }

    private static Instant epochSeconds(String value) {
        Long seconds = number(value);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
