package dev.opsbot.app.handoff;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One of a cron expression's five fields: its name, its range and the names it accepts ({@code MON}, {@code JAN}),
 * and the parser of what may be written in it: {@code *}, a number or name, a range {@code a-b}, a step
 * {@code * /n} or {@code a-b/n}, and comma-separated lists of those.
 */
record CronField(String name, int min, int max, List<String> names, String example) {
    static final CronField MINUTE = new CronField("minute", 0, 59, List.of(), "0, 30 or */15");
    static final CronField HOUR = new CronField("hour", 0, 23, List.of(), "8, 8,20 or 9-17");
    static final CronField DAY_OF_MONTH = new CronField("day-of-month", 1, 31, List.of(), "1, 15 or 1-7");
    static final CronField MONTH = new CronField(
            "month",
            1,
            12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            "1-12 or JAN-DEC");
    /** 0 and 7 are both Sunday, as in Vixie cron. */
    static final CronField DAY_OF_WEEK = new CronField(
            "day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), "0-7 or MON-FRI");

    /** The values {@code text} selects, as bits from {@link #min} to {@link #max}. */
    BitSet parse(String text) {
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw invalid(text, "has an empty list item", "separate values with single commas, such as 8,20");
            }
            parseItem(text, item, values);
        }
        return values;
    }

    private void parseItem(String text, String item, BitSet values) {
        int slash = item.indexOf('/');
        String range = slash < 0 ? item : item.substring(0, slash);
        int step = slash < 0 ? 1 : step(item.substring(slash + 1));
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            from = value(range.substring(0, dash));
            to = value(range.substring(dash + 1));
            if (from > to) {
                throw invalid(
                        item,
                        "runs backwards",
                        "write the smaller value first; to wrap around, list two ranges, such as 22-23,0-6");
            }
        } else if (slash >= 0) {
            throw invalid(item, "has a step but no range", "write */" + step + " or " + range + "-" + max + "/" + step);
        } else {
            from = value(range);
            to = from;
        }
        for (int value = from; value <= to; value += step) {
            values.set(value);
        }
    }

    private int step(String text) {
        try {
            int step = Integer.parseInt(text);
            if (step >= 1) {
                return step;
            }
        } catch (NumberFormatException e) {
            // refused below, with the field's name
        }
        throw invalid(text, "is not a step", "write a step of 1 or more after the slash, such as */15");
    }

    private int value(String text) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        int value = named >= 0 ? min + named : number(text);
        if (value < min || value > max) {
            throw invalid(text, "is outside " + min + "-" + max, "use " + example);
        }
        return value;
    }

    private int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(text, "is not " + (names.isEmpty() ? "a number" : "a number or name"), "use " + example);
        }
    }

    private Cron.Invalid invalid(String written, String problem, String fix) {
        return new Cron.Invalid(name + " \"" + written + "\" " + problem, fix);
    }
}
