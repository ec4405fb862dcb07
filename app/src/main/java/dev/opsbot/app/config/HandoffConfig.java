package dev.opsbot.app.config;

import dev.opsbot.app.handoff.Cron;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shift handoffs (docs/handoff.md): when each channel's summary is posted, and who takes over.
 *
 * @param timezone the zone cron times and rotation starts are read in, unless a schedule names its own
 * @param shift how far back a handoff looks when the channel had no earlier one, 1h to 7d
 * @param schedules one per channel: when its handoff is posted
 * @param rotations one per channel: who is on call when, the handoff is also sent to them
 */
public record HandoffConfig(ZoneId timezone, Duration shift, List<Schedule> schedules, List<RotationConfig> rotations) {
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");
    public static final Duration DEFAULT_SHIFT = Duration.ofHours(12);
    static final DurationRule SHIFT = new DurationRule(Duration.ofHours(1), Duration.ofDays(7));
    static final DurationRule EVERY = new DurationRule(Duration.ofHours(1), Duration.ofDays(30));
    static final List<String> PLATFORMS = List.of("slack", "teams", "console");

    private static final Pattern CHANNEL = Pattern.compile("([a-z]+)/([^/\\s]+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String CHANNEL_FIX = "write platform/channel, such as slack/C0INCIDENT or console/general";

    public HandoffConfig {
        Objects.requireNonNull(timezone, "timezone");
        shift = SHIFT.check("handoff.shift", shift);
        schedules = List.copyOf(schedules == null ? List.of() : schedules);
        rotations = List.copyOf(rotations == null ? List.of() : rotations);
        onePerChannel(
                "handoff.schedules",
                schedules.stream().map(Schedule::team).toList(),
                "is scheduled twice",
                "give each channel one schedule; list several times in one cron, such as 0 8,20 * * *");
        onePerChannel(
                "handoff.rotations",
                rotations.stream().map(RotationConfig::team).toList(),
                "has two rotations",
                "give each channel one rotation, with everyone who takes turns in its people");
    }

    public static HandoffConfig defaults() {
        return new HandoffConfig(DEFAULT_TIMEZONE, DEFAULT_SHIFT, List.of(), List.of());
    }

    /**
     * When a channel's handoff is posted.
     *
     * @param platform {@code slack}, {@code teams} or {@code console}
     * @param channel the channel's id on that platform ({@code C0INCIDENT}, {@code incident-checkout})
     * @param timezone the zone {@code cron} is read in: the entry's own, else {@code handoff.timezone}
     */
    public record Schedule(String platform, String channel, Cron cron, ZoneId timezone) {
        public Schedule {
            checkChannel("handoff.schedules[].channel", platform, channel);
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(timezone, "timezone");
        }

        /** {@code platform/channel}, as the config and the team memory spell a channel. */
        public String team() {
            return platform + "/" + channel;
        }
    }

    /**
     * Who is on call in a channel: {@code people} take turns of {@code every}, the first one's turn starting at
     * {@code start} (wall-clock time in the channel's zone, so a 08:00 handover stays at 08:00 across
     * daylight-saving changes).
     *
     * @param people e-mails, in turn order; a person may be listed more than once
     */
    public record RotationConfig(
            String platform, String channel, List<String> people, LocalDateTime start, Duration every) {
        public RotationConfig {
            checkChannel("handoff.rotations[].channel", platform, channel);
            people = checkPeople("handoff.rotations[].people", people);
            Objects.requireNonNull(start, "start");
            every = EVERY.check("handoff.rotations[].every", every);
        }

        public String team() {
            return platform + "/" + channel;
        }
    }

    /** The zone a channel's times are read and shown in: its schedule's, else {@code handoff.timezone}. */
    public ZoneId zone(String platform, String channel) {
        return schedules.stream()
                .filter(s -> s.platform().equals(platform) && s.channel().equals(channel))
                .map(Schedule::timezone)
                .findFirst()
                .orElse(timezone);
    }

    static HandoffConfig from(ConfigNode node) {
        ZoneId timezone = parseZone(node.key("timezone"), node.text("timezone"), DEFAULT_TIMEZONE);
        Duration shift = node.duration("shift", DEFAULT_SHIFT, SHIFT);
        List<Schedule> schedules = new ArrayList<>();
        for (ConfigNode entry : items(node.sections("schedules"))) {
            schedules.add(schedule(entry, timezone));
        }
        List<RotationConfig> rotations = new ArrayList<>();
        for (ConfigNode entry : items(node.sections("rotations"))) {
            rotations.add(rotation(entry, shift));
        }
        node.rejectUnknown();
        return new HandoffConfig(timezone, shift, schedules, rotations);
    }

    private static Schedule schedule(ConfigNode entry, ZoneId fallbackZone) {
        String[] channel = channel(entry);
        String expression =
                Checks.text(entry.key("cron"), entry.text("cron"), "give the times as a cron, such as 0 8,20 * * *");
        Cron cron;
        try {
            cron = Cron.parse(expression);
        } catch (Cron.Invalid e) {
            throw new ConfigException(
                    entry.key("cron"), expression, "is not a valid cron (" + e.problem() + ")", e.fix());
        }
        ZoneId zone = parseZone(entry.key("timezone"), entry.text("timezone"), fallbackZone);
        entry.rejectUnknown();
        return new Schedule(channel[0], channel[1], cron, zone);
    }

    private static RotationConfig rotation(ConfigNode entry, Duration shift) {
        String[] channel = channel(entry);
        List<String> people = checkPeople(entry.key("people"), entry.strings("people", List.of()));
        String start = Checks.text(
                entry.key("start"), entry.text("start"), "give when the first person's turn starts: 2026-01-05T08:00");
        LocalDateTime first;
        try {
            first = LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    entry.key("start"),
                    start,
                    "is not a local date-time",
                    "write it as 2026-01-05T08:00, without a zone: it is read in the channel's timezone");
        }
        Duration every = entry.duration("every", shift, EVERY);
        entry.rejectUnknown();
        return new RotationConfig(channel[0], channel[1], people, first, every);
    }

    /** The entry's {@code channel} as {platform, channel}. */
    private static String[] channel(ConfigNode entry) {
        String key = entry.key("channel");
        String text = Checks.text(key, entry.text("channel"), CHANNEL_FIX);
        Matcher matcher = CHANNEL.matcher(text);
        if (!matcher.matches()) {
            throw new ConfigException(key, text, "is not a platform and a channel", CHANNEL_FIX);
        }
        checkChannel(key, matcher.group(1), matcher.group(2));
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    private static void checkChannel(String key, String platform, String channel) {
        if (!PLATFORMS.contains(platform)) {
            throw new ConfigException(
                    key, platform, "is not a chat platform", "use " + String.join(", ", PLATFORMS) + " before the /");
        }
        if (channel == null
                || channel.isBlank()
                || !CHANNEL.matcher(platform + "/" + channel).matches()) {
            throw new ConfigException(key, channel, "is not a channel", CHANNEL_FIX);
        }
    }

    private static List<String> checkPeople(String key, List<String> people) {
        if (people == null || people.isEmpty()) {
            throw new ConfigException(
                    key, "[]", "is empty", "list the e-mails of the people who take turns, in turn order");
        }
        for (int i = 0; i < people.size(); i++) {
            String email = people.get(i);
            if (email == null || !EMAIL.matcher(email).matches()) {
                throw new ConfigException(key + "[" + i + "]", email, "is not an e-mail address", "use name@domain");
            }
        }
        return List.copyOf(people);
    }

    private static ZoneId parseZone(String key, String text, ZoneId fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException(key, text, "is not a time zone", "use a zone id such as Europe/Berlin or UTC");
        }
    }

    private static void onePerChannel(String key, List<String> teams, String problem, String fix) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < teams.size(); i++) {
            if (!seen.add(teams.get(i))) {
                throw new ConfigException(key + "[" + i + "].channel", teams.get(i), problem, fix);
            }
        }
    }

    private static List<ConfigNode> items(List<ConfigNode> entries) {
        return entries == null ? List.of() : entries;
    }
}
