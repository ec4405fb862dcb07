package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsbot.app.handoff.Cron;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handoff section: schedules and rotations read from YAML, every mistake refused with its key and fix. */
class HandoffConfigTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static HandoffConfig read(String yaml) {
        try {
            ConfigNode root = ConfigNode.root((ObjectNode) YAML.readTree(yaml));
            HandoffConfig config = HandoffConfig.from(root.section("handoff"));
            root.rejectUnknown();
            return config;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noSectionSchedulesNothingAndLooksTwelveHoursBackInUtc() {
        HandoffConfig config = read("{}");

        assertThat(config).isEqualTo(HandoffConfig.defaults());
        assertThat(config.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.shift()).isEqualTo(Duration.ofHours(12));
        assertThat(config.schedules()).isEmpty();
        assertThat(config.rotations()).isEmpty();
    }

    @Test
    void schedulesAndRotationsAreReadWithTheirChannelsZonesAndTurns() {
        HandoffConfig config = read("""
                handoff:
                  timezone: Europe/Berlin
                  shift: 8h
                  schedules:
                    - {channel: slack/C0INCIDENT, cron: "0 8,20 * * *"}
                    - {channel: console/incident-checkout, cron: "30 9 * * MON-FRI", timezone: America/New_York}
                  rotations:
                    - channel: slack/C0INCIDENT
                      people: [alice@example.com, bob@example.com]
                      start: 2026-01-05T08:00
                      every: 12h
                    - {channel: console/incident-checkout, people: [carol@example.com], start: "2026-01-05T09:30"}
                """);

        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.shift()).isEqualTo(Duration.ofHours(8));
        assertThat(config.schedules())
                .containsExactly(
                        new HandoffConfig.Schedule(
                                "slack", "C0INCIDENT", Cron.parse("0 8,20 * * *"), ZoneId.of("Europe/Berlin")),
                        new HandoffConfig.Schedule(
                                "console",
                                "incident-checkout",
                                Cron.parse("30 9 * * 1-5"),
                                ZoneId.of("America/New_York")));
        assertThat(config.rotations())
                .containsExactly(
                        new HandoffConfig.RotationConfig(
                                "slack",
                                "C0INCIDENT",
                                List.of("alice@example.com", "bob@example.com"),
                                LocalDateTime.parse("2026-01-05T08:00"),
                                Duration.ofHours(12)),
                        // a turn is a shift long unless every says otherwise
                        new HandoffConfig.RotationConfig(
                                "console",
                                "incident-checkout",
                                List.of("carol@example.com"),
                                LocalDateTime.parse("2026-01-05T09:30"),
                                Duration.ofHours(8)));
        assertThat(config.zone("console", "incident-checkout")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.zone("slack", "C0INCIDENT")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.zone("slack", "C0OTHER")).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            timezone: Mars/Olympus | handoff.timezone: "Mars/Olympus" is not a time zone; use a zone id such as Europe/Berlin or UTC
            shift: 30m | handoff.shift: "30m" is shorter than 1h; use a duration from 1h to 168h
            shift: 8d | handoff.shift: "8d" is longer than 168h; use a duration from 1h to 168h
            schedules: slack/C0 | handoff.schedules: is not a list; write one "- key: value" entry per line under schedules:
            schedules: [{cron: "0 8 * * *"}] | handoff.schedules[0].channel: is not set; write platform/channel, such as slack/C0INCIDENT or console/general
            schedules: [{channel: C0INCIDENT, cron: "0 8 * * *"}] | handoff.schedules[0].channel: "C0INCIDENT" is not a platform and a channel; write platform/channel, such as slack/C0INCIDENT or console/general
            schedules: [{channel: irc/ops, cron: "0 8 * * *"}] | handoff.schedules[0].channel: "irc" is not a chat platform; use slack, teams, console before the /
            schedules: [{channel: slack/C0INCIDENT}] | handoff.schedules[0].cron: is not set; give the times as a cron, such as 0 8,20 * * *
            schedules: [{channel: slack/C0INCIDENT, cron: "0 24 * * *"}] | handoff.schedules[0].cron: "0 24 * * *" is not a valid cron (hour "24" is outside 0-23); use 8, 8,20 or 9-17
            schedules: [{channel: slack/C0INCIDENT, cron: "@daily"}] | handoff.schedules[0].cron: "@daily" is not a valid cron (has 1 field, not 5); write minute hour day-of-month month day-of-week, such as 0 8,20 * * *
            schedules: [{channel: slack/C0INCIDENT, cron: "0 8 * * *", timezone: CEST}] | handoff.schedules[0].timezone: "CEST" is not a time zone; use a zone id such as Europe/Berlin or UTC
            schedules: [{channel: slack/C0INCIDENT, cron: "0 8 * * *", zone: UTC}] | handoff.schedules[0].zone: is not a known key; the keys under handoff.schedules[0] are channel, cron, timezone
            schedules: [{channel: slack/C0, cron: "0 8 * * *"}, {channel: slack/C0, cron: "0 20 * * *"}] | handoff.schedules[1].channel: "slack/C0" is scheduled twice; give each channel one schedule; list several times in one cron, such as 0 8,20 * * *
            rotations: [{channel: slack/C0, start: 2026-01-05T08:00}] | handoff.rotations[0].people: "[]" is empty; list the e-mails of the people who take turns, in turn order
            rotations: [{channel: slack/C0, people: [alice], start: 2026-01-05T08:00}] | handoff.rotations[0].people[0]: "alice" is not an e-mail address; use name@domain
            rotations: [{channel: slack/C0, people: [a@example.com]}] | handoff.rotations[0].start: is not set; give when the first person's turn starts: 2026-01-05T08:00
            rotations: [{channel: slack/C0, people: [a@example.com], start: "2026-01-05 08:00"}] | handoff.rotations[0].start: "2026-01-05 08:00" is not a local date-time; write it as 2026-01-05T08:00, without a zone: it is read in the channel's timezone
            rotations: [{channel: slack/C0, people: [a@example.com], start: "2026-01-05T08:00Z"}] | handoff.rotations[0].start: "2026-01-05T08:00Z" is not a local date-time; write it as 2026-01-05T08:00, without a zone: it is read in the channel's timezone
            rotations: [{channel: slack/C0, people: [a@example.com], start: 2026-01-05T08:00, every: 30m}] | handoff.rotations[0].every: "30m" is shorter than 1h; use a duration from 1h to 720h
            rotations: [{channel: slack/C0, people: [a@example.com], start: 2026-01-05T08:00}, {channel: slack/C0, people: [b@example.com], start: 2026-01-05T08:00}] | handoff.rotations[1].channel: "slack/C0" has two rotations; give each channel one rotation, with everyone who takes turns in its people
            """)
    void aMistakeIsRefusedWithItsKeyAndTheFix(String yaml, String message) {
        assertThatThrownBy(() -> read("handoff:\n  " + yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void recordsBuiltInCodeObeyTheSameRules() {
        assertThatThrownBy(() -> new HandoffConfig(ZoneId.of("UTC"), Duration.ofMinutes(5), List.of(), List.of()))
                .hasMessageStartingWith("handoff.shift: \"5m\" is shorter than 1h");
        assertThatThrownBy(() -> new HandoffConfig.Schedule("slack", "C0 X", Cron.parse("0 8 * * *"), ZoneId.of("UTC")))
                .hasMessageStartingWith("handoff.schedules[].channel: \"C0 X\" is not a channel");
        assertThatThrownBy(() -> new HandoffConfig.RotationConfig(
                        "teams", "ops", List.of(), LocalDateTime.parse("2026-01-05T08:00"), Duration.ofHours(12)))
                .hasMessageStartingWith("handoff.rotations[].people: \"[]\" is empty");
    }
}
