package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.core.triage.Cause;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VerdictStore} promises: verdicts kept as given, the latest recorded one per thread, a channel's
 * recent verdicts for the shift handoff, and a resolution that exactly one of any number of racing callers gets.
 */
public abstract class VerdictStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    protected static final ThreadRef INCIDENT = new ThreadRef("slack", "C-incident", "1710037800.000100");

    protected VerdictStore store;

    /** A new store over empty storage. */
    protected abstract VerdictStore newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected VerdictStore anotherReplicaOf(VerdictStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    /** An open verdict on checkout's OOM in {@code thread}, reached at {@code at}. */
    protected static Verdict verdict(ThreadRef thread, Instant at) {
        return verdict(thread, at, "memory limit lowered 512Mi -> 128Mi in revision 42; pods OOMKilled since 02:31");
    }

    protected static Verdict verdict(ThreadRef thread, Instant at, String summary) {
        return new Verdict(
                thread,
                "checkout",
                "shop",
                "why is checkout 5xx?",
                "alice@example.com",
                Cause.OOM,
                0.82,
                summary,
                "Deployment shop/checkout revision 42",
                "rollback deployment shop/checkout to revision 41",
                at,
                null,
                null);
    }

    /** A verdict blaming nothing and proposing no fix. */
    private static Verdict bare(ThreadRef thread, Cause cause) {
        Verdict verdict = verdict(thread, T0);
        return new Verdict(
                verdict.thread(),
                verdict.service(),
                verdict.namespace(),
                verdict.question(),
                verdict.asker(),
                cause,
                verdict.confidence(),
                verdict.summary(),
                null,
                null,
                verdict.at(),
                verdict.resolvedAt(),
                verdict.resolvedBy());
    }

    private static ThreadRef thread(String id) {
        return new ThreadRef("slack", "C-incident", id);
    }

    // ---- what is kept --------------------------------------------------------------------------------------------

    @Test
    void verdictWithEveryFieldComesBackEqual() {
        Verdict full = new Verdict(
                new ThreadRef("teams", "19:abc@thread.tacv2", "1710037800123"),
                "payments-api",
                "payments",
                "why is payments slow since 02:00? “quoted” ünïcødé \\ \"json\" 😀",
                "dana.lee@example.com",
                Cause.DB_POOL_EXHAUSTED,
                0.6180339887,
                "connection pool of 10 exhausted: p99 wait 4.2 s",
                "Deployment payments/payments-api revision 7",
                "raise the pool to 30 connections",
                Instant.parse("2026-03-10T02:41:07.123456Z"),
                null,
                null);

        store.record(full);

        assertThat(store.latest(full.thread())).contains(full);
        assertThat(anotherReplicaOf(store).latest(full.thread())).contains(full);
    }

    @Test
    void verdictWithoutCulpritOrFixComesBackEqual() {
        Verdict bare = bare(INCIDENT, Cause.UNKNOWN);

        store.record(bare);

        assertThat(store.latest(INCIDENT)).contains(bare);
    }

    @Test
    void everyCauseComesBackAsItWasGiven() {
        for (Cause cause : Cause.values()) {
            store.record(bare(thread(cause.name()), cause));
        }

        for (Cause cause : Cause.values()) {
            assertThat(store.latest(thread(cause.name())).orElseThrow().cause())
                    .as(cause.jsonName())
                    .isEqualTo(cause);
        }
    }

    @Test
    void verdictRecordedResolvedComesBackResolved() {
        Verdict resolved = verdict(INCIDENT, T0).resolve(T0.plusSeconds(600), "bob@example.com");

        store.record(resolved);

        assertThat(store.latest(INCIDENT)).contains(resolved);
    }

    @Test
    void questionAsLongAsSlackAllowsIsKeptWhole() {
        Verdict verdict = verdict(INCIDENT, T0);
        Verdict longQuestion = new Verdict(
                INCIDENT,
                verdict.service(),
                verdict.namespace(),
                "ü".repeat(40_000),
                verdict.asker(),
                verdict.cause(),
                verdict.confidence(),
                "x".repeat(4_000),
                verdict.culprit(),
                "y".repeat(4_000),
                T0,
                null,
                null);

        store.record(longQuestion);

        assertThat(store.latest(INCIDENT)).contains(longQuestion);
    }

    @Test
    void instantsAreKeptToTheMicrosecondCutNotRounded() {
        store.record(verdict(INCIDENT, T0.plusNanos(1_234_999)));
        store.resolve(INCIDENT, "bob@example.com", T0.plusNanos(2_345_999));

        Verdict kept = store.latest(INCIDENT).orElseThrow();

        assertThat(kept.at()).isEqualTo(T0.plusNanos(1_234_000));
        assertThat(kept.resolvedAt()).isEqualTo(T0.plusNanos(2_345_000));
    }

    @Test
    void threadWithoutVerdictHasNone() {
        store.record(verdict(INCIDENT, T0));

        assertThat(store.latest(thread("other"))).isEmpty();
    }

    @Test
    void verdictsAreKeyedByPlatformChannelAndThread() {
        ThreadRef otherChannel = new ThreadRef("slack", "C-other", INCIDENT.thread());
        ThreadRef otherPlatform = new ThreadRef("teams", INCIDENT.channel(), INCIDENT.thread());
        store.record(verdict(INCIDENT, T0, "incident"));
        store.record(verdict(otherChannel, T0, "other channel"));
        store.record(verdict(otherPlatform, T0, "other platform"));

        assertThat(store.latest(INCIDENT).orElseThrow().summary()).isEqualTo("incident");
        assertThat(store.latest(otherChannel).orElseThrow().summary()).isEqualTo("other channel");
        assertThat(store.latest(otherPlatform).orElseThrow().summary()).isEqualTo("other platform");
    }

    @Test
    void latestIsTheLastRecordedWhateverItsTimeSays() {
        store.record(verdict(INCIDENT, T0, "first"));
        store.record(verdict(INCIDENT, T0.plusSeconds(300), "second"));
        // another replica's clock is behind: recorded last, it is still the latest
        anotherReplicaOf(store).record(verdict(INCIDENT, T0.plusSeconds(200), "third"));

        assertThat(store.latest(INCIDENT)).contains(verdict(INCIDENT, T0.plusSeconds(200), "third"));
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> store.record(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.latest(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.since("slack", "C-incident", null, 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.resolve(INCIDENT, null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.resolve(INCIDENT, "bob@example.com", null))
                .isInstanceOf(NullPointerException.class);
    }

    // ---- resolving -----------------------------------------------------------------------------------------------

    @Test
    void resolveMarksTheLatestVerdictResolved() {
        store.record(verdict(INCIDENT, T0, "first"));
        store.record(verdict(INCIDENT, T0.plusSeconds(60), "second"));

        assertThat(store.resolve(INCIDENT, "bob@example.com", T0.plusSeconds(600)))
                .isTrue();

        Verdict resolved =
                verdict(INCIDENT, T0.plusSeconds(60), "second").resolve(T0.plusSeconds(600), "bob@example.com");
        assertThat(store.latest(INCIDENT)).contains(resolved);
        assertThat(anotherReplicaOf(store).latest(INCIDENT)).contains(resolved);
    }

    @Test
    void resolvingAgainIsFalseAndKeepsTheFirstResolution() {
        store.record(verdict(INCIDENT, T0));
        store.resolve(INCIDENT, "bob@example.com", T0.plusSeconds(600));

        assertThat(store.resolve(INCIDENT, "carol@example.com", T0.plusSeconds(700)))
                .isFalse();
        assertThat(anotherReplicaOf(store).resolve(INCIDENT, "carol@example.com", T0.plusSeconds(700)))
                .isFalse();

        Verdict kept = store.latest(INCIDENT).orElseThrow();
        assertThat(kept.resolvedBy()).isEqualTo("bob@example.com");
        assertThat(kept.resolvedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void resolvingAThreadWithoutVerdictIsFalse() {
        store.record(verdict(INCIDENT, T0));

        assertThat(store.resolve(thread("other"), "bob@example.com", T0)).isFalse();
        assertThat(store.latest(thread("other"))).isEmpty();
        assertThat(store.latest(INCIDENT).orElseThrow().resolved()).isFalse();
    }

    @Test
    void threadAskedAgainAfterItResolvedCanBeResolvedAgain() {
        store.record(verdict(INCIDENT, T0, "first"));
        store.resolve(INCIDENT, "bob@example.com", T0.plusSeconds(600));

        store.record(verdict(INCIDENT, T0.plusSeconds(3_600), "relapse"));

        assertThat(store.latest(INCIDENT).orElseThrow().resolved()).isFalse();
        assertThat(store.resolve(INCIDENT, "carol@example.com", T0.plusSeconds(4_000)))
                .isTrue();
        assertThat(store.latest(INCIDENT))
                .contains(verdict(INCIDENT, T0.plusSeconds(3_600), "relapse")
                        .resolve(T0.plusSeconds(4_000), "carol@example.com"));
    }

    @Test
    void sixteenThreadsRacingToResolveHaveExactlyOneWinner() {
        List<VerdictStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 10; round++) {
            ThreadRef thread = thread("t" + round);
            store.record(verdict(thread, T0));

            List<Boolean> won = Race.of(16, racer -> replicas.get(racer % 2)
                    .resolve(thread, "racer" + racer + "@example.com", T0.plusSeconds(600 + racer)));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            int winner = won.indexOf(true);
            assertThat(store.latest(thread).orElseThrow())
                    .as("round %d", round)
                    .isEqualTo(verdict(thread, T0)
                            .resolve(T0.plusSeconds(600 + winner), "racer" + winner + "@example.com"));
        }
    }

    // ---- since: the shift handoff --------------------------------------------------------------------------------

    @Test
    void sinceListsOnlyTheLatestVerdictOfEachThread() {
        store.record(verdict(thread("a"), T0.plusSeconds(10), "a first"));
        store.record(verdict(thread("b"), T0.plusSeconds(20), "b"));
        store.record(verdict(thread("a"), T0.plusSeconds(30), "a second"));

        assertThat(anotherReplicaOf(store).since("slack", "C-incident", T0, 10))
                .containsExactly(
                        verdict(thread("a"), T0.plusSeconds(30), "a second"),
                        verdict(thread("b"), T0.plusSeconds(20), "b"));
    }

    @Test
    void sinceLeavesOutAThreadWhoseLatestVerdictIsOlderThanSince() {
        store.record(verdict(thread("a"), T0.plusSeconds(100), "a before the relapse"));
        // recorded later by a replica whose clock is behind: it is the latest, and it is older than since
        store.record(verdict(thread("a"), T0.plusSeconds(10), "a latest"));

        assertThat(store.since("slack", "C-incident", T0.plusSeconds(50), 10)).isEmpty();
    }

    @Test
    void sinceIncludesAVerdictReachedExactlyThenAndNotOneAMomentBefore() {
        store.record(verdict(thread("before"), T0.minusMillis(1)));
        store.record(verdict(thread("exactly"), T0));

        assertThat(store.since("slack", "C-incident", T0, 10))
                .extracting(Verdict::thread)
                .containsExactly(thread("exactly"));
    }

    @Test
    void sinceBetweenTwoMicrosecondsIsComparedExactly() {
        store.record(verdict(INCIDENT, T0.plusNanos(1_000)));

        assertThat(store.since("slack", "C-incident", T0.plusNanos(1_500), 10)).isEmpty();
        assertThat(store.since("slack", "C-incident", T0.plusNanos(500), 10)).hasSize(1);
    }

    @Test
    void sinceKeepsToTheChannelAndPlatform() {
        store.record(verdict(INCIDENT, T0));
        store.record(verdict(new ThreadRef("slack", "C-other", "t1"), T0));
        store.record(verdict(new ThreadRef("teams", INCIDENT.channel(), "t2"), T0));

        assertThat(store.since("slack", "C-incident", T0, 10))
                .extracting(Verdict::thread)
                .containsExactly(INCIDENT);
        assertThat(store.since("teams", "C-incident", T0, 10))
                .extracting(Verdict::thread)
                .containsExactly(new ThreadRef("teams", INCIDENT.channel(), "t2"));
        assertThat(store.since("console", "C-incident", T0, 10)).isEmpty();
    }

    @Test
    void sinceIsNewestFirstUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.record(verdict(thread("t" + i), T0.plusSeconds(i)));
        }

        assertThat(store.since("slack", "C-incident", T0, 3))
                .extracting(Verdict::thread)
                .containsExactly(thread("t4"), thread("t3"), thread("t2"));
        assertThat(store.since("slack", "C-incident", T0, 0)).isEmpty();
    }

    @Test
    void verdictsOfOneInstantAreListedLatestRecordedFirst() {
        store.record(verdict(thread("a"), T0));
        store.record(verdict(thread("b"), T0));
        store.record(verdict(thread("c"), T0));

        assertThat(store.since("slack", "C-incident", T0, 10))
                .extracting(Verdict::thread)
                .containsExactly(thread("c"), thread("b"), thread("a"));
    }

    @Test
    void verdictResolvedSinceIsListedByWhenItWasResolved() {
        store.record(verdict(thread("old"), T0.minusSeconds(3_600)));
        store.record(verdict(thread("new"), T0.plusSeconds(60)));
        assertThat(store.since("slack", "C-incident", T0, 10))
                .extracting(Verdict::thread)
                .containsExactly(thread("new"));

        anotherReplicaOf(store).resolve(thread("old"), "bob@example.com", T0.plusSeconds(120));

        assertThat(store.since("slack", "C-incident", T0, 10))
                .containsExactly(
                        verdict(thread("old"), T0.minusSeconds(3_600)).resolve(T0.plusSeconds(120), "bob@example.com"),
                        verdict(thread("new"), T0.plusSeconds(60)));
        assertThat(store.since("slack", "C-incident", T0.plusSeconds(121), 10)).isEmpty();
    }

    @Test
    void verdictResolvedBeforeSinceIsNotListed() {
        store.record(verdict(INCIDENT, T0.minusSeconds(3_600)));
        store.resolve(INCIDENT, "bob@example.com", T0.minusSeconds(60));

        assertThat(store.since("slack", "C-incident", T0, 10)).isEmpty();
    }
}
