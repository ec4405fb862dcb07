package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.store.ScheduleLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleLeases} promises: of the replicas whose schedulers fire for one slot exactly one runs it;
 * a run whose owner died is taken over once its lease is over, a finished run never again.
 */
public abstract class ScheduleLeasesContract {
    protected static final String HANDOFF = "handoff slack/C-incident";
    /** Monday 08:00 in Berlin: the slot of a morning handoff. */
    protected static final Instant SLOT = Instant.parse("2026-03-09T07:00:00Z");

    protected static final Instant T0 = SLOT.plusMillis(15);
    protected static final Duration LEASE = Duration.ofMinutes(5);

    protected ScheduleLeases leases;

    /** New leases over empty storage. */
    protected abstract ScheduleLeases newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected ScheduleLeases anotherReplicaOf(ScheduleLeases store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        leases = newStore();
    }

    private boolean claim(ScheduleLeases by, String owner, Instant now) {
        return by.claim(HANDOFF, SLOT, owner, now, now.plus(LEASE));
    }

    // ---- claiming ------------------------------------------------------------------------------------------------

    @Test
    void firstClaimOfASlotWinsAndLaterOnesLoseWhileItsLeaseHolds() {
        assertThat(claim(leases, "replica-a", T0)).isTrue();

        assertThat(claim(anotherReplicaOf(leases), "replica-b", T0.plusSeconds(1)))
                .isFalse();
        assertThat(claim(leases, "replica-a", T0.plusSeconds(2)))
                .as("a scheduler firing twice runs the slot once")
                .isFalse();
    }

    @Test
    void slotsAndJobsAreClaimedApart() {
        Instant nextDay = SLOT.plus(Duration.ofDays(1));
        String otherChannel = HANDOFF + "-eu";
        leases.claim(HANDOFF, SLOT, "replica-a", T0, T0.plus(LEASE));

        assertThat(leases.claim(HANDOFF, nextDay, "replica-b", T0, T0.plus(LEASE)))
                .isTrue();
        assertThat(leases.claim(otherChannel, SLOT, "replica-b", T0, T0.plus(LEASE)))
                .isTrue();
    }

    @Test
    void unfinishedRunIsTakenOverOnlyOnceItsLeaseIsOver() {
        claim(leases, "replica-a", T0);
        Instant leaseEnd = T0.plus(LEASE);
        ScheduleLeases replicaB = anotherReplicaOf(leases);

        assertThat(claim(replicaB, "replica-b", leaseEnd))
                .as("a lease ending exactly now still holds")
                .isFalse();
        assertThat(claim(replicaB, "replica-b", leaseEnd.plusMillis(1))).isTrue();

        assertThat(claim(leases, "replica-a", leaseEnd.plusSeconds(1)))
                .as("the taker's new lease holds against the first owner")
                .isFalse();
    }

    @Test
    void finishedRunIsNeverClaimedAgain() {
        claim(leases, "replica-a", T0);
        leases.finish(HANDOFF, SLOT, "replica-a", T0.plusSeconds(3));

        assertThat(claim(anotherReplicaOf(leases), "replica-b", T0.plus(Duration.ofDays(2))))
                .isFalse();
        assertThat(claim(leases, "replica-a", T0.plus(Duration.ofDays(2)))).isFalse();
    }

    @Test
    void onlyTheOwnerFinishesARun() {
        claim(leases, "replica-a", T0);

        leases.finish(HANDOFF, SLOT, "replica-b", T0.plusSeconds(3));

        assertThat(leases.lastFinished(HANDOFF)).isEmpty();
        assertThat(claim(leases, "replica-c", T0.plus(LEASE).plusSeconds(1))).isTrue();
    }

    @Test
    void ownerWhoseRunWasTakenOverNoLongerFinishesIt() {
        claim(leases, "replica-a", T0);
        claim(leases, "replica-b", T0.plus(LEASE).plusSeconds(1));

        leases.finish(HANDOFF, SLOT, "replica-a", T0.plus(LEASE).plusSeconds(2));
        assertThat(leases.lastFinished(HANDOFF)).isEmpty();

        anotherReplicaOf(leases)
                .finish(HANDOFF, SLOT, "replica-b", T0.plus(LEASE).plusSeconds(3));
        assertThat(leases.lastFinished(HANDOFF)).contains(SLOT);
    }

    @Test
    void finishingAnUnclaimedRunDoesNothing() {
        leases.finish(HANDOFF, SLOT, "replica-a", T0);

        assertThat(leases.lastFinished(HANDOFF)).isEmpty();
        assertThat(claim(leases, "replica-a", T0)).isTrue();
    }

    @Test
    void leaseThatEndsBeforeItBeginsIsRefused() {
        assertThatThrownBy(() -> leases.claim(HANDOFF, SLOT, "replica-a", T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(HANDOFF)
                .hasMessageContaining("must end after now");
        assertThatThrownBy(() -> leases.claim(HANDOFF, SLOT, "replica-a", T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(claim(leases, "replica-b", T0)).as("nothing was claimed").isTrue();
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> leases.claim(null, SLOT, "replica-a", T0, T0.plus(LEASE)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> leases.claim(HANDOFF, null, "replica-a", T0, T0.plus(LEASE)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> leases.claim(HANDOFF, SLOT, null, T0, T0.plus(LEASE)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> leases.finish(HANDOFF, SLOT, "replica-a", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> leases.lastFinished(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- races ---------------------------------------------------------------------------------------------------

    @Test
    void sixteenReplicasClaimingOneSlotHaveExactlyOneWinner() {
        List<ScheduleLeases> replicas = List.of(leases, anotherReplicaOf(leases));
        for (int round = 0; round < 10; round++) {
            Instant slot = SLOT.plus(Duration.ofDays(round));

            List<Boolean> won = Race.of(16, racer -> replicas.get(racer % 2)
                    .claim(HANDOFF, slot, "replica-" + racer, slot, slot.plus(LEASE)));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void sixteenReplicasTakingOverOneExpiredRunHaveExactlyOneWinner() {
        List<ScheduleLeases> replicas = List.of(leases, anotherReplicaOf(leases));
        for (int round = 0; round < 10; round++) {
            Instant slot = SLOT.plus(Duration.ofDays(round));
            leases.claim(HANDOFF, slot, "replica-died", slot, slot.plus(LEASE));
            Instant later = slot.plus(LEASE).plusSeconds(1);

            List<Boolean> won = Race.of(16, racer -> replicas.get(racer % 2)
                    .claim(HANDOFF, slot, "replica-" + racer, later, later.plus(LEASE)));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            // only the winner owns the run now: only its finish counts
            String winner = "replica-" + won.indexOf(true);
            leases.finish(HANDOFF, slot, "replica-died", later);
            Optional<Instant> before = round == 0 ? Optional.empty() : Optional.of(slot.minus(Duration.ofDays(1)));
            assertThat(leases.lastFinished(HANDOFF)).as("round %d", round).isEqualTo(before);
            leases.finish(HANDOFF, slot, winner, later);
            assertThat(leases.lastFinished(HANDOFF)).as("round %d", round).contains(slot);
        }
    }

    // ---- the last finished run -----------------------------------------------------------------------------------

    @Test
    void lastFinishedIsTheLatestFinishedSlotNotTheLatestFinish() {
        Instant monday = SLOT;
        Instant tuesday = SLOT.plus(Duration.ofDays(1));
        Instant wednesday = SLOT.plus(Duration.ofDays(2));
        leases.claim(HANDOFF, tuesday, "replica-a", tuesday, tuesday.plus(LEASE));
        leases.finish(HANDOFF, tuesday, "replica-a", tuesday.plusSeconds(5));
        // Monday's run was stuck and finishes late; Wednesday's is running
        leases.claim(HANDOFF, monday, "replica-b", monday, monday.plus(LEASE));
        leases.finish(HANDOFF, monday, "replica-b", tuesday.plusSeconds(60));
        leases.claim(HANDOFF, wednesday, "replica-a", wednesday, wednesday.plus(LEASE));

        assertThat(leases.lastFinished(HANDOFF)).contains(tuesday);
        assertThat(anotherReplicaOf(leases).lastFinished(HANDOFF)).contains(tuesday);
    }

    @Test
    void lastFinishedKeepsToItsJob() {
        String prefixed = HANDOFF + "-eu";
        String withAt = HANDOFF + "@" + SLOT;
        leases.claim(prefixed, SLOT, "replica-a", T0, T0.plus(LEASE));
        leases.finish(prefixed, SLOT, "replica-a", T0.plusSeconds(5));
        leases.claim(withAt, SLOT, "replica-a", T0, T0.plus(LEASE));
        leases.finish(withAt, SLOT, "replica-a", T0.plusSeconds(5));

        assertThat(leases.lastFinished(HANDOFF)).isEmpty();
        assertThat(leases.lastFinished(prefixed)).contains(SLOT);
        assertThat(leases.lastFinished(withAt)).contains(SLOT);
    }

    @Test
    void slotsAreKeptToTheMicrosecondCutNotRounded() {
        Instant odd = SLOT.plusNanos(1_234_999);
        leases.claim(HANDOFF, odd, "replica-a", T0, T0.plus(LEASE));

        leases.finish(HANDOFF, odd, "replica-a", T0.plusSeconds(5));

        assertThat(leases.lastFinished(HANDOFF)).contains(SLOT.plusNanos(1_234_000));
        assertThat(leases.claim(
                        HANDOFF,
                        SLOT.plusNanos(1_234_000),
                        "replica-b",
                        T0.plus(LEASE).plusSeconds(1),
                        T0.plus(LEASE).plusSeconds(60)))
                .as("the same slot, cut")
                .isFalse();
    }
}
