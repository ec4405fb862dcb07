package dev.opsbot.core.triage.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in summaries as on-call engineers say them: {@code 02:31} (UTC). */
final class Times {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private Times() {}

    static String clock(Instant at) {
        return at == null ? "?" : CLOCK.format(at);
    }
}
