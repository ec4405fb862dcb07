package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.handoff.HandoffBuilder;
import dev.opsbot.core.handoff.HandoffFixture;
import dev.opsbot.core.handoff.HandoffJobs;
import dev.opsbot.core.handoff.HandoffNarrator;
import dev.opsbot.core.handoff.HandoffRenderer;
import dev.opsbot.core.handoff.Handoffs;
import dev.opsbot.core.handoff.OnCall;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.store.ThreadRecord;
import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryScheduleLeases;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "@opsbot handoff [since]" in a thread of the channel; the clock is Tue 10 Mar 06:00 UTC. */
class HandoffHandlerTest {
    private static final ThreadRef THREAD = HandoffFixture.thread("t-ask");
    private static final Duration SHIFT = Duration.ofHours(12);

    private final HandoffFixture fixture = new HandoffFixture();
    private final RecordingChatPort chat = new RecordingChatPort("slack");
    private final InMemoryScheduleLeases leases = new InMemoryScheduleLeases();
    private final Acting acting = new Acting(
            new FixedIdentities(People.alice(), People.bob()),
            new CountingCredentialBroker(),
            Environments.only("production"));

    private HandoffHandler handler(ZoneId zone, HandoffBuilder builder) {
        Handoffs handoffs = new Handoffs(builder, HandoffNarrator.NONE, new HandoffRenderer(zone), OnCall.NONE);
        return new HandoffHandler(acting, handoffs, leases, SHIFT, zone, fixture.clock);
    }

    private void say(String user, String text) {
        say(user, text, handler(ZoneOffset.UTC, fixture.builder()));
    }

    private void say(String user, String text, HandoffHandler handler) {
        ChatEvent event = new ChatEvent.Mention(
                "e-" + text.hashCode(),
                THREAD,
                "m-1",
                new ChatUser(user, user, user + "@example.com"),
                text,
                fixture.clock.instant());
        Intent.Handoff intent = (Intent.Handoff) new IntentParser().parse(text);
        handler.handle(
                event,
                intent,
                new Responder(
                        chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), user, fixture.clock));
    }

    private List<String> said() {
        return chat.posted().stream().map(p -> p.reply().text()).toList();
    }

    private String handoff() {
        assertThat(chat.posted()).hasSize(2);
        return chat.posted().get(1).reply().text();
    }

    @Test
    void someoneOpsbotCannotActForIsRefusedAndNothingIsRead() {
        fixture.memory.failWith(new IllegalStateException("team memory must not be read"));

        say("mallory", "handoff");

        assertThat(said()).singleElement().asString().startsWith(":no_entry: I can't put a handoff together for you");
        assertThat(chat.updates()).isEmpty();
    }

    @Test
    void aProgressLineComesFirstThenTheHandoffInTheThread() {
        fixture.ask("t1", "alice@example.com", "why is checkout 5xx?", HandoffFixture.at(600));

        say("alice", "handoff 8h");

        assertThat(chat.posted()).allSatisfy(p -> assertThat(p.ref().thread()).isEqualTo(THREAD));
        assertThat(said().getFirst())
                .isEqualTo(":hourglass_flowing_sand: Putting the handoff since Mon 9 Mar 22:00 UTC together…");
        assertThat(handoff()).contains("Shift handoff #C0INC").contains("why is checkout 5xx?");
        assertThat(chat.updates()).singleElement().satisfies(update -> {
            assertThat(update.ref()).isEqualTo(chat.posted().getFirst().ref());
            assertThat(update.reply().text()).isEqualTo(":clipboard: Handoff since Mon 9 Mar 22:00 UTC, below.");
        });
    }

    @ParameterizedTest(name = "handoff {0} starts {1}")
    @CsvSource({
        "8h, Mon 9 Mar 22:00",
        "90m, Tue 10 Mar 04:30",
        "1h30m, Tue 10 Mar 04:30",
        "2d, Sun 8 Mar 06:00",
        "2 days, Sun 8 Mar 06:00",
        "last 12 hours, Mon 9 Mar 18:00",
        "since 18:00, Mon 9 Mar 18:00",
        "since 05:30, Tue 10 Mar 05:30",
        "since 07:00, Mon 9 Mar 07:00",
        "since 6pm, Mon 9 Mar 18:00",
        "since 2026-03-09T20:15:00Z, Mon 9 Mar 20:15",
        "since 2026-03-09T20:15, Mon 9 Mar 20:15",
        "SINCE 18:00, Mon 9 Mar 18:00",
    })
    void theStartCanBeSaidManyWays(String since, String start) {
        say("alice", "handoff " + since);

        assertThat(handoff()).contains("*" + start + " → ");
    }

    @Test
    void aClockTimeIsTheChannelsZones() {
        say("alice", "handoff since 18:00", handler(ZoneId.of("Europe/Berlin"), fixture.builder()));

        assertThat(handoff()).contains("*Mon 9 Mar 18:00 → Tue 10 Mar 07:00 CET*");
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "since lunch", "8", "since 25:00", "8 fortnights", "since 13pm"})
    void somethingThatIsNoTimeGetsExamplesAndNothingElse(String since) {
        fixture.memory.failWith(new IllegalStateException("team memory must not be read"));

        say("alice", "handoff " + since);

        assertThat(said())
                .singleElement()
                .asString()
                .startsWith(":warning: I don't understand `" + since + "` as a time.")
                .contains("`@opsbot handoff 8h`")
                .contains("`@opsbot handoff since 18:00`");
        assertThat(chat.updates()).isEmpty();
    }

    @Test
    void moreThanSevenDaysIsRefused() {
        say("alice", "handoff 8d");

        assertThat(said())
                .singleElement()
                .asString()
                .contains("A handoff covers at most 7 days")
                .contains("`@opsbot handoff 2d`");
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        say("alice", "handoff since 2026-03-11T00:00:00Z");

        assertThat(said()).singleElement().asString().contains("is not in the past");
    }

    @Test
    void withoutATimeItCoversWhatHappenedSinceTheLastScheduledHandoff() {
        finishedHandoffAt(Instant.parse("2026-03-10T02:00:00Z"));

        say("alice", "handoff");

        assertThat(handoff()).contains("*Tue 10 Mar 02:00 → 06:00 UTC*");
    }

    @Test
    void withoutATimeItGoesAtMostOneShiftBack() {
        finishedHandoffAt(Instant.parse("2026-03-07T06:00:00Z"));

        say("alice", "handoff");

        assertThat(handoff()).contains("*Mon 9 Mar 18:00 → Tue 10 Mar 06:00 UTC*");
    }

    @Test
    void withoutATimeOrAnyHandoffBeforeItCoversOneShift() {
        leases.claim(
                HandoffJobs.key("slack", "C0INC"),
                Instant.parse("2026-03-10T04:00:00Z"),
                "r1",
                Instant.parse("2026-03-10T04:00:00Z"),
                Instant.parse("2026-03-10T04:05:00Z")); // never finished
        leases.claim(
                HandoffJobs.key("slack", "C0OTHER"),
                Instant.parse("2026-03-10T05:00:00Z"),
                "r1",
                Instant.parse("2026-03-10T05:00:00Z"),
                Instant.parse("2026-03-10T05:05:00Z"));
        leases.finish(
                HandoffJobs.key("slack", "C0OTHER"),
                Instant.parse("2026-03-10T05:00:00Z"),
                "r1",
                Instant.parse("2026-03-10T05:00:01Z"));

        say("alice", "handoff");

        assertThat(handoff()).contains("*Mon 9 Mar 18:00 → Tue 10 Mar 06:00 UTC*");
    }

    @Test
    void aStoreThatFailsIsSaidInTheThread() {
        ThreadStore down = new ThreadStore() {
            @Override
            public ThreadRecord touch(ThreadRef ref, String startedBy, Instant at) {
                throw new IllegalStateException("database unavailable");
            }

            @Override
            public Optional<ThreadRecord> find(ThreadRef ref) {
                throw new IllegalStateException("database unavailable");
            }

            @Override
            public List<ThreadRecord> activeSince(Instant since, int limit) {
                throw new IllegalStateException("database unavailable");
            }
        };
        HandoffBuilder builder = new HandoffBuilder(
                down, fixture.verdicts, fixture.proposals, Optional.of(fixture.memory), fixture.audit, fixture.clock);

        say("alice", "handoff", handler(ZoneOffset.UTC, builder));

        assertThat(said()).hasSize(1);
        assertThat(chat.updates()).singleElement().satisfies(update -> assertThat(
                        update.reply().text())
                .isEqualTo(":warning: I could not put the handoff together: database unavailable. Try again"
                        + " in a minute."));
    }

    private void finishedHandoffAt(Instant slot) {
        String job = HandoffJobs.key("slack", "C0INC");
        leases.claim(job, slot, "r1", slot, slot.plusSeconds(300));
        leases.finish(job, slot, "r1", slot.plusSeconds(5));
    }
}
