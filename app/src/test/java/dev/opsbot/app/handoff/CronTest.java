package dev.opsbot.app.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void twiceADayFiresAtEightAndTwentyAndNeverAtTheTimeItIsGiven() {
        Cron cron = Cron.parse("0 8,20 * * *");

        assertThat(firings(cron, "2026-03-10T07:59:30Z[UTC]", 4))
                .containsExactly(
                        "2026-03-10T08:00Z[UTC]",
                        "2026-03-10T20:00Z[UTC]",
                        "2026-03-11T08:00Z[UTC]",
                        "2026-03-11T20:00Z[UTC]");
        assertThat(cron.next(at("2026-03-10T08:00Z[UTC]"))).contains(at("2026-03-10T20:00Z[UTC]"));
    }

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            * * * * *           | 2026-03-10T10:15:20Z | 2026-03-10T10:16Z
            30 9 * * *          | 2026-03-10T10:00Z    | 2026-03-11T09:30Z
            0 9-17 * * *        | 2026-03-10T17:00Z    | 2026-03-11T09:00Z
            */15 * * * *        | 2026-03-10T10:15Z    | 2026-03-10T10:30Z
            10-50/20 * * * *    | 2026-03-10T10:31Z    | 2026-03-10T10:50Z
            0 0 1 * *           | 2026-03-10T00:00Z    | 2026-04-01T00:00Z
            0 0 * 6 *           | 2026-03-10T00:00Z    | 2026-06-01T00:00Z
            0 0 * jun-aug *     | 2026-07-10T00:00Z    | 2026-07-11T00:00Z
            0 0 1 JAN,JUL *     | 2026-03-10T00:00Z    | 2026-07-01T00:00Z
            0 8 * * MON-FRI     | 2026-03-13T09:00Z    | 2026-03-16T08:00Z
            0 8 * * 1-5         | 2026-03-13T09:00Z    | 2026-03-16T08:00Z
            0 8 * * sun         | 2026-03-10T00:00Z    | 2026-03-15T08:00Z
            0 8 * * 7           | 2026-03-10T00:00Z    | 2026-03-15T08:00Z
            0 8 * * 5-7         | 2026-03-10T00:00Z    | 2026-03-13T08:00Z
            0 0 */10 * *        | 2026-03-10T00:00Z    | 2026-03-11T00:00Z
            0 0 31 * *          | 2026-04-01T00:00Z    | 2026-05-31T00:00Z
            0 0 29 2 *          | 2026-03-01T00:00Z    | 2028-02-29T00:00Z
            0 12 29 FEB *       | 2028-02-29T12:00Z    | 2032-02-29T12:00Z
            """)
    void everyFieldFormFiresWhenItShould(String expression, String after, String expected) {
        assertThat(Cron.parse(expression).next(at(after + "[UTC]"))).contains(at(expected + "[UTC]"));
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherOneMatching() {
        // Vixie cron: the 13th of the month and every Friday, not only Friday the 13th
        Cron cron = Cron.parse("0 0 13 * FRI");

        assertThat(firings(cron, "2026-03-01T00:00Z[UTC]", 4))
                .containsExactly(
                        "2026-03-06T00:00Z[UTC]",
                        "2026-03-13T00:00Z[UTC]",
                        "2026-03-20T00:00Z[UTC]",
                        "2026-03-27T00:00Z[UTC]");
        assertThat(firings(cron, "2026-04-01T00:00Z[UTC]", 2))
                .containsExactly("2026-04-03T00:00Z[UTC]", "2026-04-10T00:00Z[UTC]");
        assertThat(firings(cron, "2026-04-10T00:00Z[UTC]", 2))
                .containsExactly("2026-04-13T00:00Z[UTC]", "2026-04-17T00:00Z[UTC]");
    }

    @Test
    void whenADayFieldStartsWithAStarBothMustMatch() {
        // Vixie cron's rule keys on the leading *: odd days of the month that are Mondays
        Cron cron = Cron.parse("0 0 */2 * MON");

        assertThat(firings(cron, "2026-03-01T00:00Z[UTC]", 3))
                .containsExactly("2026-03-09T00:00Z[UTC]", "2026-03-23T00:00Z[UTC]", "2026-04-13T00:00Z[UTC]");
    }

    @Test
    void aTimeSkippedBySpringForwardFiresOnceAtTheJump() {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST
        Cron halfPastTwo = Cron.parse("30 2 * * *");
        Cron everyQuarterPastTwo = Cron.parse("*/15 2 * * *");

        assertThat(firings(halfPastTwo, "2026-03-28T12:00+01:00[Europe/Berlin]", 3))
                .containsExactly(
                        "2026-03-29T03:00+02:00[Europe/Berlin]",
                        "2026-03-30T02:30+02:00[Europe/Berlin]",
                        "2026-03-31T02:30+02:00[Europe/Berlin]");
        assertThat(firings(everyQuarterPastTwo, "2026-03-29T00:00+01:00[Europe/Berlin]", 2))
                .containsExactly("2026-03-29T03:00+02:00[Europe/Berlin]", "2026-03-30T02:00+02:00[Europe/Berlin]");
    }

    @Test
    void aTimeRepeatedByFallBackFiresOnceTheFirstTime() {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00-02:59 happens twice
        Cron halfPastTwo = Cron.parse("30 2 * * *");
        Cron hourly = Cron.parse("0 * * * *");

        assertThat(firings(halfPastTwo, "2026-10-25T00:00+02:00[Europe/Berlin]", 2))
                .containsExactly("2026-10-25T02:30+02:00[Europe/Berlin]", "2026-10-26T02:30+01:00[Europe/Berlin]");
        assertThat(firings(hourly, "2026-10-25T01:30+02:00[Europe/Berlin]", 3))
                .containsExactly(
                        "2026-10-25T02:00+02:00[Europe/Berlin]",
                        "2026-10-25T03:00+01:00[Europe/Berlin]",
                        "2026-10-25T04:00+01:00[Europe/Berlin]");
        // asked during the second 02:xx, the repeated 02:30 does not fire again
        assertThat(halfPastTwo.next(at("2026-10-25T02:10+01:00[Europe/Berlin]")))
                .contains(at("2026-10-26T02:30+01:00[Europe/Berlin]"));
    }

    @Test
    void wallClockTimesStayPutAcrossDaylightSavingAndTheZoneIsKept() {
        Cron eight = Cron.parse("0 8 * * *");

        assertThat(firings(eight, "2026-03-28T09:00+01:00[Europe/Berlin]", 2))
                .containsExactly("2026-03-29T08:00+02:00[Europe/Berlin]", "2026-03-30T08:00+02:00[Europe/Berlin]");
        assertThat(eight.next(at("2026-03-28T09:00+01:00[Europe/Berlin]"))
                        .orElseThrow()
                        .getZone())
                .isEqualTo(BERLIN);
    }

    @Test
    void theSameScheduleWrittenDifferentlyIsEqual() {
        assertThat(Cron.parse(" 0  8 * * 7 "))
                .isEqualTo(Cron.parse("0 8 * * 0"))
                .hasToString("0  8 * * 7");
        assertThat(Cron.parse("0 8 * * MON-FRI")).isEqualTo(Cron.parse("0 8 * * 1,2,3,4,5"));
        assertThat(Cron.parse("0 8 * * *")).isNotEqualTo(Cron.parse("0 8 * * 0-6"));
        assertThat(Cron.parse("0 8 * * *").hashCode())
                .isEqualTo(Cron.parse("0 8 * *  *").hashCode());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | is empty; write minute hour day-of-month month day-of-week, such as 0 8,20 * * *
            0 8 * *             | has 4 fields, not 5; write minute hour day-of-month month day-of-week, such as 0 8,20 * * *
            @daily              | has 1 field, not 5; write minute hour day-of-month month day-of-week, such as 0 8,20 * * *
            0 8 * * * 2026      | has 6 fields, not 5; write minute hour day-of-month month day-of-week, such as 0 8,20 * * *
            60 8 * * *          | minute "60" is outside 0-59; use 0, 30 or */15
            0 24 * * *          | hour "24" is outside 0-23; use 8, 8,20 or 9-17
            0 8 0 * *           | day-of-month "0" is outside 1-31; use 1, 15 or 1-7
            0 8 * 13 *          | month "13" is outside 1-12; use 1-12 or JAN-DEC
            0 8 * * 8           | day-of-week "8" is outside 0-7; use 0-7 or MON-FRI
            0 8 * * MOND        | day-of-week "MOND" is not a number or name; use 0-7 or MON-FRI
            x 8 * * *           | minute "x" is not a number; use 0, 30 or */15
            0 -1 * * *          | hour "-1" is outside 0-23; use 8, 8,20 or 9-17
            0 20-8 * * *        | hour "20-8" runs backwards; write the smaller value first; to wrap around, list two ranges, such as 22-23,0-6
            0 8 * * SAT-SUN     | day-of-week "SAT-SUN" runs backwards; write the smaller value first; to wrap around, list two ranges, such as 22-23,0-6
            */0 * * * *         | minute "0" is not a step; write a step of 1 or more after the slash, such as */15
            */x * * * *         | minute "x" is not a step; write a step of 1 or more after the slash, such as */15
            5/15 * * * *        | minute "5/15" has a step but no range; write */15 or 5-59/15
            0 8,,20 * * *       | hour "8,,20" has an empty list item; separate values with single commas, such as 8,20
            0 8, * * *          | hour "8," has an empty list item; separate values with single commas, such as 8,20
            0 8 30 2 *          | never fires: none of its months has day 30; check the day-of-month and month fields
            0 8 31 4,6,9,11 *   | never fires: none of its months has day 31; check the day-of-month and month fields
            """)
    void aBadExpressionIsRefusedNamingTheFieldAndTheFix(String expression, String message) {
        assertThatThrownBy(() -> Cron.parse(expression))
                .isInstanceOf(Cron.Invalid.class)
                .hasMessage(message);
    }

    @Test
    void theProblemAndTheFixAreAvailableApart() {
        assertThatThrownBy(() -> Cron.parse("0 25 * * *")).isInstanceOfSatisfying(Cron.Invalid.class, e -> {
            assertThat(e.problem()).isEqualTo("hour \"25\" is outside 0-23");
            assertThat(e.fix()).isEqualTo("use 8, 8,20 or 9-17");
        });
        assertThatThrownBy(() -> Cron.parse(null)).isInstanceOf(Cron.Invalid.class);
    }

    @Test
    void aDayThatOnlyALeapYearHasIsNotRefused() {
        assertThat(Cron.parse("0 0 29 2 *")
                        .next(at("2026-01-01T00:00Z[UTC]"))
                        .orElseThrow()
                        .getYear())
                .isEqualTo(2028);
        // 2100 is not a leap year: the next 29 February after 2096's is in 2104
        assertThat(Cron.parse("0 0 29 2 *").next(at("2096-03-01T00:00Z[UTC]"))).contains(at("2104-02-29T00:00Z[UTC]"));
    }

    private static ZonedDateTime at(String text) {
        return ZonedDateTime.parse(text);
    }

    private static List<String> firings(Cron cron, String after, int count) {
        List<String> firings = new ArrayList<>();
        ZonedDateTime at = at(after);
        for (int i = 0; i < count; i++) {
            at = cron.next(at).orElseThrow();
            firings.add(at.toString());
        }
        return firings;
    }
}
