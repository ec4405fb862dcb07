package dev.opsbot.teams.outbound;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How long to wait before trying a throttled or failed call again: {@code Retry-After}, bounded. */
final class RetryAfter {
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private RetryAfter() {}

    /**
     * The wait after the {@code attempt}-th failed try: the {@code Retry-After} header (seconds or an HTTP date), or
     * a backoff growing with the attempt when there is none, never more than {@code max}.
     */
    static Duration wait(HttpResponse<?> response, int attempt, Duration max) {
        Duration wanted = response.headers()
                .firstValue("Retry-After")
                .map(RetryAfter::parse)
                .orElse(BACKOFF.multipliedBy(attempt));
        if (wanted.isNegative()) {
            return Duration.ZERO;
        }
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    private static Duration parse(String value) {
        String text = value.strip();
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException neither) {
                return BACKOFF;
            }
        }
    }
}
