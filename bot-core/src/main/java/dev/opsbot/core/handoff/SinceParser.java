package dev.opsbot.core.handoff;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a handoff someone asks for starts: {@code 8h}, {@code 90m}, {@code 2d}, {@code 1h30m} back from now;
 * {@code since 18:00} (or {@code 6pm}), the latest such time in the past in the channel's zone; an ISO instant
 * ({@code 2026-03-10T06:00:00Z}) or local date-time ({@code 2026-03-10T06:00}).
 */
public final class SinceParser {
    /** A handoff covers a shift, not a month: longer spans are refused. */
    public static final Duration LONGEST = Duration.ofDays(7);

    public static final String EXAMPLES = "`@opsbot handoff` (since the last handoff), `@opsbot handoff 8h`,"
            + " `@opsbot handoff 90m`, `@opsbot handoff 2d`, `@opsbot handoff since 18:00` or"
            + " `@opsbot handoff since 2026-03-10T06:00:00Z`";

    private static final Pattern LEAD = Pattern.compile("^(?:since|last|the last|for the last|past|the past)\\s+");
    private static final Pattern PART =
            Pattern.compile("(\\d{1,5})\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])\\s*");
    private static final Pattern CLOCK = Pattern.compile("^(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?$");

    private SinceParser() {}

    /**
     * @param since what the person said after "handoff"
     * @throws IllegalArgumentException with a sentence for the channel: what was not understood and examples, or
     *     why the time is refused (in the future, more than {@link #LONGEST} ago)
     */
    public static Instant parse(String since, Instant now, ZoneId zone) {
        String text = LEAD.matcher(since.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        Instant start = start(text, now, zone);
        if (start == null) {
            throw new IllegalArgumentException(
                    "I don't understand `" + since.strip() + "` as a time. Try " + EXAMPLES + ".");
        }
        if (!start.isBefore(now)) {
            throw new IllegalArgumentException(
                    "`" + since.strip() + "` is not in the past: a handoff covers what already happened.");
        }
        if (Duration.between(start, now).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A handoff covers at most " + LONGEST.toDays() + " days, and `"
                    + since.strip() + "` goes back further. Ask for a shorter span, such as `@opsbot handoff 2d`.");
        }
        return start;
    }

    /** The start {@code text} names, or null when it names none. */
    private static Instant start(String text, Instant now, ZoneId zone) {
        Duration back = duration(text);
        if (back != null) {
            return back.isZero() ? now : now.minus(back);
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            return latestPast(clock, now, zone);
        }
        try {
            return Instant.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeException notAnInstant) {
            // a local date-time, perhaps
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 't').toUpperCase(Locale.ROOT))
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException notADateTime) {
            return null;
        }
    }

    /** {@code 8h}, {@code 1h30m}, {@code 2 days}: the whole text, or null. */
    private static Duration duration(String text) {
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!part.find(at) || part.start() != at) {
                return null;
            }
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2).charAt(0)) {
                        case 'd' -> Duration.ofDays(amount);
                        case 'h' -> Duration.ofHours(amount);
                        default -> Duration.ofMinutes(amount);
                    });
            at = part.end();
        }
        return at == 0 ? null : total;
    }

    /** Today's {@code HH:mm} in the zone if it is already past, else yesterday's. */
    private static Instant latestPast(Matcher clock, Instant now, ZoneId zone) {
        int hour = Integer.parseInt(clock.group(1));
        int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
        String half = clock.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half.equals("pm") ? 12 : 0);
        } else if (clock.group(2) == null) {
            return null; // "18" alone: hours back, or 18:00? Ask.
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        ZonedDateTime today = now.atZone(zone).with(LocalTime.of(hour, minute));
        return today.toInstant().isBefore(now)
                ? today.toInstant()
                : today.minusDays(1).toInstant();
    }
}
