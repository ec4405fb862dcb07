package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.store.InboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventLedger} promises: exactly-once handling of platform events across replicas. */
public abstract class EventLedgerContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:30:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected EventLedger ledger;

    /** A new ledger over empty storage. */
    protected abstract EventLedger newLedger();

    /**
     * A second ledger over the same storage, as another replica sees it (its own connection pool, say). Fakes
     * that keep their state in the instance return it unchanged.
     */
    protected EventLedger anotherReplicaOf(EventLedger ledger) {
        return ledger;
    }

    @BeforeEach
    void freshLedger() {
        ledger = newLedger();
    }

    protected static InboundEvent event(String id) {
        return new InboundEvent(
                "slack", id, T0, "{\"type\":\"app_mention\",\"text\":\"why is checkout 5xx? ünïcødé\"}");
    }

    @Test
    void firstRecordOfAnEventIsAccepted() {
        assertThat(ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE))).isTrue();

        assertThat(ledger.countPending()).isEqualTo(1);
        assertThat(ledger.isCompleted("slack", "Ev1")).isFalse();
    }

    @Test
    void secondRecordOfSameEventIsRefused() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));

        assertThat(ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE))).isFalse();
        assertThat(anotherReplicaOf(ledger).record(event("Ev1"), "replica-b", T0.plus(LEASE)))
                .isFalse();
        assertThat(ledger.countPending()).isEqualTo(1);
    }

    @Test
    void sameEventIdOnAnotherPlatformIsAnotherEvent() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));

        assertThat(ledger.record(new InboundEvent("teams", "Ev1", T0, "{}"), "replica-a", T0.plus(LEASE)))
                .isTrue();
        assertThat(ledger.countPending()).isEqualTo(2);
    }

    @Test
    void completedEventIsNoLongerPending() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));
        ledger.record(event("Ev2"), "replica-a", T0.plus(LEASE));

        ledger.complete("slack", "Ev1", T0.plusSeconds(2));

        assertThat(ledger.isCompleted("slack", "Ev1")).isTrue();
        assertThat(ledger.isCompleted("slack", "Ev2")).isFalse();
        assertThat(ledger.countPending()).isEqualTo(1);
    }

    @Test
    void completedEventIsStillRefusedWhenDeliveredAgain() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));
        ledger.complete("slack", "Ev1", T0.plusSeconds(2));

        assertThat(ledger.record(event("Ev1"), "replica-b", T0.plus(LEASE))).isFalse();
        assertThat(ledger.isCompleted("slack", "Ev1")).isTrue();
    }

    @Test
    void completedEventsOlderThanTheCutOffAreForgottenAndNothingElse() {
        ledger.record(event("Ev-old"), "replica-a", T0.plus(LEASE));
        ledger.record(event("Ev-recent"), "replica-a", T0.plus(LEASE));
        ledger.record(event("Ev-pending"), "replica-a", T0.plus(LEASE));
        ledger.complete("slack", "Ev-old", T0.plusSeconds(1));
        ledger.complete("slack", "Ev-recent", T0.plusSeconds(10));

        assertThat(ledger.forgetCompletedBefore(T0.plusSeconds(10))).isEqualTo(1);

        assertThat(ledger.isCompleted("slack", "Ev-old")).isFalse();
        assertThat(ledger.isCompleted("slack", "Ev-recent"))
                .as("completed exactly at the cut-off")
                .isTrue();
        assertThat(ledger.countPending())
                .as("an unfinished event stays, however old")
                .isEqualTo(1);
        assertThat(ledger.reclaimExpired(
                        "replica-b", T0.plus(LEASE).plusSeconds(1), T0.plus(LEASE.multipliedBy(3)), 10))
                .extracting(InboundEvent::eventId)
                .containsExactly("Ev-pending");
        assertThat(ledger.forgetCompletedBefore(T0.plusSeconds(10)))
                .as("nothing left to forget")
                .isZero();
    }

    @Test
    void unknownEventIsNotCompletedAndCompletingItChangesNothing() {
        ledger.complete("slack", "never-seen", T0);

        assertThat(ledger.isCompleted("slack", "never-seen")).isFalse();
        assertThat(ledger.countPending()).isZero();
    }

    @Test
    void eventUnderLeaseIsNotReclaimed() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));

        assertThat(ledger.reclaimExpired("replica-b", T0.plusSeconds(29), T0.plusSeconds(60), 10))
                .isEmpty();
    }

    @Test
    void leaseEndingExactlyNowIsNotYetReclaimed() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));

        assertThat(ledger.reclaimExpired("replica-b", T0.plus(LEASE), T0.plusSeconds(60), 10))
                .isEmpty();
    }

    @Test
    void expiredLeaseIsReclaimedWithTheEventAsRecorded() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));

        List<InboundEvent> reclaimed = ledger.reclaimExpired("replica-b", T0.plusSeconds(31), T0.plusSeconds(61), 10);

        assertThat(reclaimed).containsExactly(event("Ev1"));
        assertThat(ledger.countPending()).isEqualTo(1);
    }

    @Test
    void reclaimedEventIsHeldUnderItsNewLease() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));
        ledger.reclaimExpired("replica-b", T0.plusSeconds(31), T0.plusSeconds(120), 10);

        assertThat(ledger.reclaimExpired("replica-c", T0.plusSeconds(90), T0.plusSeconds(150), 10))
                .isEmpty();
        assertThat(ledger.reclaimExpired("replica-c", T0.plusSeconds(121), T0.plusSeconds(150), 10))
                .containsExactly(event("Ev1"));
    }

    @Test
    void completedEventIsNeverReclaimed() {
        ledger.record(event("Ev1"), "replica-a", T0.plus(LEASE));
        ledger.complete("slack", "Ev1", T0.plusSeconds(5));

        assertThat(ledger.reclaimExpired("replica-b", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), 10))
                .isEmpty();
        assertThat(ledger.isCompleted("slack", "Ev1")).isTrue();
    }

    @Test
    void reclaimTakesAtMostTheLimit() {
        IntStream.range(0, 5).forEach(i -> ledger.record(event("Ev" + i), "replica-a", T0.plus(LEASE)));
        Instant later = T0.plusSeconds(31);

        assertThat(ledger.reclaimExpired("replica-b", later, later.plus(LEASE), 2))
                .hasSize(2);
        assertThat(ledger.reclaimExpired("replica-b", later, later.plus(LEASE), 2))
                .hasSize(2);
        assertThat(ledger.reclaimExpired("replica-b", later, later.plus(LEASE), 2))
                .hasSize(1);
    }

    @Test
    void releaseMakesUnfinishedEventsReclaimableAtOnce() {
        Instant farAway = T0.plus(Duration.ofHours(1));
        ledger.record(event("Ev1"), "replica-a", farAway);
        ledger.record(event("Ev2"), "replica-a", farAway);
        ledger.complete("slack", "Ev2", T0.plusSeconds(1));

        assertThat(ledger.release("replica-a", T0.plusSeconds(2))).isEqualTo(1);

        assertThat(ledger.reclaimExpired("replica-b", T0.plusSeconds(2), T0.plusSeconds(32), 10))
                .containsExactly(event("Ev1"));
    }

    @Test
    void releaseLeavesOtherOwnersEventsAlone() {
        Instant farAway = T0.plus(Duration.ofHours(1));
        ledger.record(event("Ev1"), "replica-a", farAway);
        ledger.record(event("Ev2"), "replica-b", farAway);

        assertThat(ledger.release("replica-a", T0.plusSeconds(2))).isEqualTo(1);

        assertThat(ledger.reclaimExpired("replica-c", T0.plusSeconds(2), T0.plusSeconds(32), 10))
                .containsExactly(event("Ev1"));
    }

    @Test
    void recordRacedByManyReplicasHasExactlyOneWinnerPerEvent() {
        List<EventLedger> replicas = List.of(ledger, anotherReplicaOf(ledger));
        int events = 20;

        List<List<String>> wonByRacer = Race.of(8, racer -> {
            EventLedger replica = replicas.get(racer % 2);
            List<String> won = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                if (replica.record(event("Ev" + i), "replica-" + racer, T0.plus(LEASE))) {
                    won.add("Ev" + i);
                }
            }
            return won;
        });

        List<String> allWins = wonByRacer.stream().flatMap(Collection::stream).toList();
        assertThat(allWins).hasSize(events).doesNotHaveDuplicates();
        assertThat(ledger.countPending()).isEqualTo(events);
    }

    @Test
    void expiredLeaseIsReclaimedByExactlyOneOfTwoRacingOwners() {
        EventLedger other = anotherReplicaOf(ledger);
        for (int round = 0; round < 20; round++) {
            String id = "Ev" + round;
            ledger.record(event(id), "replica-dead", T0.plus(LEASE));
            List<EventLedger> replicas = List.of(ledger, other);

            List<List<InboundEvent>> taken = Race.of(2, racer -> replicas.get(racer)
                    .reclaimExpired("replica-" + racer, T0.plusSeconds(31), T0.plusSeconds(61), 10));

            assertThat(taken.stream().flatMap(Collection::stream).toList())
                    .as("round %d", round)
                    .containsExactly(event(id));
            ledger.complete("slack", id, T0.plusSeconds(32));
        }
    }

    @Test
    void racingReclaimersNeverShareAnEvent() {
        int events = 30;
        IntStream.range(0, events).forEach(i -> ledger.record(event("Ev" + i), "replica-dead", T0.plus(LEASE)));
        List<EventLedger> replicas = List.of(ledger, anotherReplicaOf(ledger));

        List<List<InboundEvent>> takenByRacer = Race.of(6, racer -> {
            List<InboundEvent> mine = new ArrayList<>();
            List<InboundEvent> batch;
            do {
                batch = replicas.get(racer % 2)
                        .reclaimExpired("replica-" + racer, T0.plusSeconds(31), T0.plusSeconds(61), 4);
                mine.addAll(batch);
            } while (!batch.isEmpty());
            return mine;
        });

        List<String> taken = takenByRacer.stream()
                .flatMap(Collection::stream)
                .map(InboundEvent::eventId)
                .toList();
        assertThat(taken).hasSize(events).doesNotHaveDuplicates();
    }
}
