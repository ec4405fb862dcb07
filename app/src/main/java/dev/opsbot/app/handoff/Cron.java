package dev.opsbot.app.handoff;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field cron expression, {@code minute hour day-of-month month day-of-week}, read as Vixie cron reads it:
 * {@code *}, numbers, names ({@code MON}, {@code JAN}), ranges, steps and lists; 0 and 7 are Sunday; when both day
 * fields are restricted a day matching <em>either</em> fires, and when one of them starts with {@code *} a day must
 * match both.
 *
 * <p>Times are wall-clock times in the zone of the time {@link #next} is given. Across daylight-saving changes a
 * time that does not exist that day (02:30 when clocks jump from 02:00 to 03:00) fires at the first instant after
 * the jump, once however many such times the expression names; a time that happens twice (02:30 when clocks fall
 * back) fires once, the first time.
 */
public final class Cron {
    /** Long enough for the rarest day an expression can name (29 February, also on a given weekday). */
    private static final int SEARCH_YEARS = 30;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private Cron(String expression, String[] fields) {
        this.expression = expression;
        this.minutes = CronField.MINUTE.parse(fields[0]);
        this.hours = CronField.HOUR.parse(fields[1]);
        this.days = CronField.DAY_OF_MONTH.parse(fields[2]);
        this.months = CronField.MONTH.parse(fields[3]);
        this.weekdays = CronField.DAY_OF_WEEK.parse(fields[4]);
        if (weekdays.get(7)) {
            weekdays.set(0);
            weekdays.clear(7);
        }
        this.anyDay = fields[2].startsWith("*");
        this.anyWeekday = fields[4].startsWith("*");
        requireSomeDay();
    }

    /**
     * Reads {@code expression}.
     *
     * @throws Invalid naming the field at fault and how to write it
     */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new Invalid("is empty", "write minute hour day-of-month month day-of-week, such as 0 8,20 * * *");
        }
        String trimmed = expression.trim();
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 5) {
            throw new Invalid(
                    "has " + fields.length + (fields.length == 1 ? " field" : " fields") + ", not 5",
                    "write minute hour day-of-month month day-of-week, such as 0 8,20 * * *");
        }
        return new Cron(trimmed, fields);
    }

    /** The first time strictly after {@code after} that the expression names, in {@code after}'s zone. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        LocalDateTime start = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        LocalDate last = start.toLocalDate().plusYears(SEARCH_YEARS);
        for (LocalDate date = start.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!months.get(date.getMonthValue()) || !dayMatches(date)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    LocalDateTime local = date.atTime(hour, minute);
                    // local times map to instants in order, so one before the start cannot come after it
                    if (local.isBefore(start)) {
                        continue;
                    }
                    ZonedDateTime at = resolve(local, zone);
                    if (at.toInstant().isAfter(after.toInstant())) {
                        return Optional.of(at);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The expression as written (trimmed). */
    public String expression() {
        return expression;
    }

    private boolean dayMatches(LocalDate date) {
        boolean day = days.get(date.getDayOfMonth());
        boolean weekday = weekdays.get(date.getDayOfWeek().getValue() % 7);
        return anyDay || anyWeekday ? day && weekday : day || weekday;
    }

    /** A skipped local time is the instant clocks jumped; a repeated one is its first occurrence. */
    private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return ZonedDateTime.ofInstant(rules.getTransition(local).getInstant(), zone);
        }
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    /** Refuses {@code 0 8 30 2 *}: a day of the month that none of the months has would never fire. */
    private void requireSomeDay() {
        if (!anyWeekday || anyDay) {
            return; // a restricted weekday fires on its own, and a day field starting with * includes the 1st
        }
        for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
            int longest = Month.of(month).maxLength();
            if (days.nextSetBit(1) <= longest) {
                return;
            }
        }
        throw new Invalid(
                "never fires: none of its months has day " + days.nextSetBit(1),
                "check the day-of-month and month fields");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cron cron
                && minutes.equals(cron.minutes)
                && hours.equals(cron.hours)
                && days.equals(cron.days)
                && months.equals(cron.months)
                && weekdays.equals(cron.weekdays)
                && anyDay == cron.anyDay
                && anyWeekday == cron.anyWeekday;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minutes, hours, days, months, weekdays, anyDay, anyWeekday);
    }

    @Override
    public String toString() {
        return expression;
    }

    /** An expression that cannot be read, with what is wrong and how to write it instead. */
    public static final class Invalid extends IllegalArgumentException {
        private final String problem;
        private final String fix;

        Invalid(String problem, String fix) {
            super(problem + "; " + fix);
            this.problem = problem;
            this.fix = fix;
        }

        /** What is wrong, such as {@code hour "24" is outside 0-23}. */
        public String problem() {
            return problem;
        }

        /** How to write it instead. */
        public String fix() {
            return fix;
        }
    }
}
