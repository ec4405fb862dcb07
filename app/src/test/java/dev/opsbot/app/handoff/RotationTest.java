package dev.opsbot.app.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.config.HandoffConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> PEOPLE = List.of("alice@example.com", "bob@example.com", "carol@example.com");

    private static HandoffConfig config(ZoneId defaultZone, List<HandoffConfig.Schedule> schedules, Duration every) {
        return new HandoffConfig(
                defaultZone,
                Duration.ofHours(12),
                schedules,
                List.of(new HandoffConfig.RotationConfig(
                        "slack", "C0INCIDENT", PEOPLE, LocalDateTime.parse("2026-01-05T08:00"), every)));
    }

    private static Rotation twelveHourTurnsInBerlin() {
        return new Rotation(config(
                ZoneId.of("UTC"),
                List.of(new HandoffConfig.Schedule("slack", "C0INCIDENT", Cron.parse("0 8,20 * * *"), BERLIN)),
                Duration.ofHours(12)));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void peopleTakeTurnsInOrderFromTheStartAndAroundAgain() {
        Rotation rotation = twelveHourTurnsInBerlin();

        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-05T08:00")))
                .contains("alice@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-05T19:59")))
                .contains("alice@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-05T20:00")))
                .contains("bob@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-06T08:00")))
                .contains("carol@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-06T20:00")))
                .contains("alice@example.com");
    }

    @Test
    void beforeTheStartTheTurnsRunBackwards() {
        Rotation rotation = twelveHourTurnsInBerlin();

        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-05T07:59")))
                .contains("carol@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-04T20:00")))
                .contains("carol@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-04T19:59")))
                .contains("bob@example.com");
    }

    @Test
    void turnsChangeAtTheSameWallClockTimeAfterDaylightSavingStarts() {
        Rotation rotation = twelveHourTurnsInBerlin();
        // 84 days after the start: 168 turns, alice's again; counting in UTC would be an hour short, still carol
        Instant summerEight =
                ZonedDateTime.parse("2026-03-30T08:00+02:00[Europe/Berlin]").toInstant();

        assertThat(rotation.next("slack", "C0INCIDENT", summerEight)).contains("alice@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", summerEight.minusSeconds(1)))
                .contains("carol@example.com");
    }

    @Test
    void withoutAScheduleTheTurnsAreCountedInTheDefaultZone() {
        Rotation rotation = new Rotation(config(BERLIN, List.of(), Duration.ofDays(7)));

        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-12T07:59")))
                .contains("alice@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", berlin("2026-01-12T08:00")))
                .contains("bob@example.com");
        assertThat(rotation.next("slack", "C0INCIDENT", Instant.parse("2026-01-12T07:00:00Z")))
                .contains("bob@example.com");
    }

    @Test
    void aChannelWithoutARotationHasNobodyToSendTo() {
        Rotation rotation = twelveHourTurnsInBerlin();

        assertThat(rotation.next("slack", "C0OTHER", berlin("2026-01-05T08:00")))
                .isEmpty();
        assertThat(rotation.next("console", "C0INCIDENT", berlin("2026-01-05T08:00")))
                .isEmpty();
        assertThat(new Rotation(HandoffConfig.defaults()).next("slack", "C0INCIDENT", Instant.EPOCH))
                .isEmpty();
    }
}
