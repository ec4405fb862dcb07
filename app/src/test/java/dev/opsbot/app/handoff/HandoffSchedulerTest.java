package dev.opsbot.app.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.config.HandoffConfig;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.handoff.HandoffBuilder;
import dev.opsbot.core.handoff.HandoffJobs;
import dev.opsbot.core.handoff.OnCall;
import dev.opsbot.core.handoff.Shift;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryProposalStore;
import dev.opsbot.core.testing.InMemoryScheduleLeases;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scheduled handoffs across replicas: one post per slot, taken over when its poster dies, never stale. */
class HandoffSchedulerTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String JOB = HandoffJobs.key("slack", "C0INCIDENT");
    private static final Instant EIGHT = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant TWENTY = Instant.parse("2026-03-10T20:00:00Z");
    private static final HandoffConfig CONFIG = new HandoffConfig(
            UTC,
            Duration.ofHours(12),
            List.of(new HandoffConfig.Schedule("slack", "C0INCIDENT", Cron.parse("0 8,20 * * *"), UTC)),
            List.of(new HandoffConfig.RotationConfig(
                    "slack",
                    "C0INCIDENT",
                    List.of("alice@example.com", "bob@example.com", "carol@example.com"),
                    LocalDateTime.parse("2026-03-09T08:00"),
                    Duration.ofHours(12))));

    private final MutableClock clock = new MutableClock(EIGHT.plusSeconds(10));
    private final InMemoryScheduleLeases leases = new InMemoryScheduleLeases();
    private final RecordingChatPort slack = new RecordingChatPort("slack");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Shift> composed = new CopyOnWriteArrayList<>();
    private final HandoffPoster.Composer composer = (shift, zone) -> {
        composed.add(shift);
        return Reply.text("handoff of " + shift.team() + " until " + shift.to() + " in " + zone);
    };

    private HandoffScheduler replica(String name, HandoffPoster.Composer composer) {
        return replica(name, composer, new Rotation(CONFIG));
    }

    private HandoffScheduler replica(String name, HandoffPoster.Composer composer, OnCall onCall) {
        HandoffMetrics metrics = new HandoffMetrics(registry);
        HandoffPoster poster = new HandoffPoster(
                leases, composer, onCall, Map.of("slack", slack), name, CONFIG.shift(), clock, metrics);
        return new HandoffScheduler(CONFIG.schedules(), leases, poster, clock, metrics);
    }

    private HandoffScheduler replica(String name) {
        return replica(name, composer);
    }

    private double counted(String name) {
        var counter = registry.find(name).tag("channel", "slack/C0INCIDENT").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void twoReplicasTickingAtOnceMakeOneHandoff() throws Exception {
        HandoffScheduler first = replica("replica-a");
        HandoffScheduler second = replica("replica-b");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> ticks = List.of(first, second).stream()
                    .map(scheduler -> threads.<Object>submit(() -> {
                        together.await();
                        scheduler.tick();
                        return null;
                    }))
                    .toList();
            for (Future<?> tick : ticks) {
                tick.get();
            }
        } finally {
            threads.shutdownNow();
        }
        clock.advance(Duration.ofMinutes(10));
        first.tick();
        second.tick();

        assertThat(slack.posted()).singleElement().satisfies(posted -> {
            assertThat(posted.ref().thread().channel()).isEqualTo("C0INCIDENT");
            assertThat(posted.reply().text())
                    .isEqualTo("handoff of slack/C0INCIDENT until 2026-03-10T08:00:00Z in UTC");
        });
        assertThat(slack.directs()).hasSize(1);
        assertThat(composed).hasSize(1);
        assertThat(counted("opsbot.handoff.posted")).isEqualTo(1);
    }

    @Test
    void theFirstHandoffLooksOneShiftBackAndTheNextStartsWhereItEnded() {
        HandoffScheduler scheduler = replica("replica-a");

        scheduler.tick();
        clock.advance(Duration.ofHours(12));
        scheduler.tick();

        assertThat(composed)
                .containsExactly(
                        new Shift("slack", "C0INCIDENT", EIGHT.minus(Duration.ofHours(12)), EIGHT),
                        new Shift("slack", "C0INCIDENT", EIGHT, TWENTY));
        assertThat(leases.lastFinished(JOB)).contains(TWENTY);
    }

    @Test
    void nothingIsPostedBeforeTheSlot() {
        clock.advance(Duration.ofSeconds(-20));

        replica("replica-a").tick();

        assertThat(slack.posted()).isEmpty();
        assertThat(leases.lastFinished(JOB)).isEmpty();
    }

    @Test
    void aSlotWhoseOwnerDiedIsTakenOverWhenItsLeaseRunsOut() {
        // replica-a claimed 08:00 and died before posting
        assertThat(leases.claim(
                        JOB,
                        EIGHT,
                        "replica-a",
                        clock.instant(),
                        clock.instant().plus(HandoffPoster.LEASE)))
                .isTrue();
        HandoffScheduler survivor = replica("replica-b");

        survivor.tick();
        clock.advance(Duration.ofMinutes(4));
        survivor.tick();
        assertThat(slack.posted()).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        survivor.tick();
        survivor.tick();

        assertThat(slack.posted()).hasSize(1);
        assertThat(composed)
                .containsExactly(new Shift("slack", "C0INCIDENT", EIGHT.minus(Duration.ofHours(12)), EIGHT));
        assertThat(leases.lastFinished(JOB)).contains(EIGHT);
    }

    @Test
    void aHandoffThatCouldNotBeComposedIsTriedAgainByAnotherReplicaAfterTheLease() {
        AtomicInteger calls = new AtomicInteger();
        HandoffScheduler failing = replica("replica-a", (shift, zone) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("database unavailable");
        });
        HandoffScheduler healthy = replica("replica-b");

        failing.tick();
        healthy.tick();
        assertThat(calls).hasValue(1);
        assertThat(slack.posted()).isEmpty();
        assertThat(counted("opsbot.handoff.failed")).isEqualTo(1);

        clock.advance(HandoffPoster.LEASE.plusSeconds(1));
        healthy.tick();
        failing.tick();

        assertThat(slack.posted()).hasSize(1);
        assertThat(calls).hasValue(1);
        assertThat(counted("opsbot.handoff.posted")).isEqualTo(1);
    }

    @Test
    void aChannelPostThatFailsIsTriedAgainOnceTheLeaseRunsOut() {
        HandoffScheduler scheduler = replica("replica-a");
        slack.failNextPosts(1);

        scheduler.tick();
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();
        assertThat(slack.posted()).isEmpty();

        clock.advance(HandoffPoster.LEASE);
        scheduler.tick();

        assertThat(slack.posted()).hasSize(1);
        assertThat(slack.directs()).hasSize(1);
        assertThat(counted("opsbot.handoff.failed")).isEqualTo(1);
        assertThat(counted("opsbot.handoff.posted")).isEqualTo(1);
    }

    @Test
    void theHandoffIsSentToThePersonWhoseTurnStartsAtTheSlot() {
        HandoffScheduler scheduler = replica("replica-a");

        scheduler.tick();
        clock.advance(Duration.ofHours(12));
        scheduler.tick();

        // turns from 2026-03-09 08:00: alice, bob, then carol at 03-10 08:00 and alice at 20:00
        assertThat(slack.directs())
                .extracting(RecordingChatPort.Direct::email)
                .containsExactly("carol@example.com", "alice@example.com");
        assertThat(slack.directs().getFirst().reply())
                .isEqualTo(slack.posted().getFirst().reply());
    }

    @Test
    void aDirectMessageThatFailsIsSaidInTheThreadAndTheHandoffStillCounts() {
        HandoffScheduler scheduler = replica("replica-a");
        slack.failNextDirects(1);

        scheduler.tick();
        clock.advance(Duration.ofMinutes(10));
        scheduler.tick();

        assertThat(slack.posted()).hasSize(2);
        var handoff = slack.posted().get(0);
        var note = slack.posted().get(1);
        assertThat(note.ref().thread()).isEqualTo(handoff.ref().thread());
        assertThat(note.reply().text())
                .isEqualTo("I could not send this handoff to carol@example.com directly:"
                        + " slack has no user with e-mail carol@example.com (test)");
        assertThat(leases.lastFinished(JOB)).contains(EIGHT);
        assertThat(counted("opsbot.handoff.posted")).isEqualTo(1);
    }

    @Test
    void aChannelWithoutARotationGetsTheHandoffInTheChannelOnly() {
        replica("replica-a", composer, OnCall.NONE).tick();

        assertThat(slack.posted()).hasSize(1);
        assertThat(slack.directs()).isEmpty();
    }

    @Test
    void aSlotMoreThanAnHourLateIsNotPostedAndTheNextCoversTheGap() {
        // opsbot posted at 20:00 yesterday, then was down until 09:30
        Instant yesterday = TWENTY.minus(Duration.ofDays(1));
        leases.claim(JOB, yesterday, "replica-a", yesterday, yesterday.plusSeconds(60));
        leases.finish(JOB, yesterday, "replica-a", yesterday.plusSeconds(5));
        clock.advance(Duration.ofMinutes(90));
        HandoffScheduler scheduler = replica("replica-b");

        scheduler.tick();
        scheduler.tick();

        assertThat(slack.posted()).isEmpty();
        assertThat(counted("opsbot.handoff.skipped")).isEqualTo(1);

        clock.advance(Duration.ofHours(10).plusMinutes(30));
        scheduler.tick();

        assertThat(composed).containsExactly(new Shift("slack", "C0INCIDENT", yesterday, TWENTY));
    }

    @Test
    void aSlotLessThanAnHourLateIsStillPosted() {
        clock.advance(Duration.ofMinutes(59));

        replica("replica-a").tick();

        assertThat(slack.posted()).hasSize(1);
    }

    @Test
    void aReplicaStartedLongAfterTheSlotWithNoEarlierHandoffPostsNothingUntilTheNextSlot() {
        clock.advance(Duration.ofHours(3));
        HandoffScheduler scheduler = replica("replica-a");

        scheduler.tick();
        assertThat(slack.posted()).isEmpty();

        clock.advance(Duration.ofHours(9));
        scheduler.tick();
        assertThat(composed).containsExactly(new Shift("slack", "C0INCIDENT", EIGHT, TWENTY));
    }

    @Test
    void theConfiguredHandoffsComposeTheRealMessageAndSkipPlatformsWithoutAPort() {
        HandoffBuilder builder = new HandoffBuilder(
                new InMemoryThreadStore(),
                new InMemoryVerdictStore(),
                new InMemoryProposalStore(),
                Optional.empty(),
                new InMemoryAuditLog(),
                clock);
        ConfiguredHandoffs handoffs = new ConfiguredHandoffs(
                CONFIG, builder, Optional.empty(), "none", new InMemoryAuditLog(), leases, clock);

        assertThat(handoffs.scheduler(Map.<String, ChatPort>of(), "replica-a", registry))
                .isEmpty();
        handoffs.scheduler(Map.of("slack", slack), "replica-a", registry)
                .orElseThrow()
                .tick();

        assertThat(slack.posted()).singleElement().satisfies(posted -> assertThat(
                        posted.reply().text())
                .startsWith("Shift handoff #C0INCIDENT")
                .contains("Next on call: *carol@example.com*", "Quiet shift"));
        assertThat(handoffs.onCall().next("slack", "C0INCIDENT", EIGHT)).contains("carol@example.com");
        assertThat(handoffs.shift()).isEqualTo(Duration.ofHours(12));
        assertThat(handoffs.zone()).isEqualTo(UTC);
    }
}
