package dev.opsbot.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.memory.retrieval.MemoryIndex;
import dev.opsbot.memory.testing.FakeMemoryStore;
import dev.opsbot.memory.testing.WordEmbedder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class IndexedTeamMemoryTest {
    private static final String TEAM = "slack/C0INCIDENT";
    private static final MemoryScope CHECKOUT = new MemoryScope(TEAM, "checkout", null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final FakeMemoryStore store = new FakeMemoryStore();
    private final WordEmbedder embedder = new WordEmbedder();
    private final IndexedTeamMemory memory = new IndexedTeamMemory(store, embedder, clock);

    @Test
    void aRememberedMemoryIsRecalledByItsWords() {
        MemoryItem item = memory.remember(
                MemoryKind.FACT, "checkout is OOMKilled when its memory limit is below 512Mi", CHECKOUT, source());
        memory.remember(MemoryKind.FACT, "payments settlement runs at 23:00", MemoryScope.team(TEAM), source());

        List<Recalled> recalled = memory.recall("checkout OOMKilled at 512Mi?", CHECKOUT, 5);

        assertThat(recalled).first().extracting(Recalled::item).isEqualTo(item);
        assertThat(recalled.getFirst().score()).isGreaterThan(recalled.getLast().score());
        assertThat(item.scope()).isEqualTo(CHECKOUT);
        assertThat(item.uses()).isZero();
    }

    @Test
    void secretsAreRedactedBeforeTheEmbedderOrTheStoreSeeThem() {
        String password = "hunter2hunter2";
        String awsKey = "AKIAQ3EGTRW5YZ7VJK2P";
        String urlPassword = "S3cr3tPassw0rd";

        MemoryItem item = memory.remember(
                MemoryKind.RUNBOOK,
                "to reach the db use export DB_PASSWORD=" + password + " and key " + awsKey + " or postgres://app:"
                        + urlPassword + "@db:5432/shop",
                CHECKOUT,
                source());

        for (String secret : List.of(password, awsKey, urlPassword)) {
            assertThat(item.text()).doesNotContain(secret);
            assertThat(store.addedTexts()).noneMatch(text -> text.contains(secret));
            assertThat(embedder.texts()).noneMatch(text -> text.contains(secret));
        }
        assertThat(item.text()).contains("[[secret:password:", "[[secret:aws-access-key-id:", "[[secret:url-password:");
        assertThat(store.find(item.id())).contains(item);
    }

    @Test
    void idsAreMDashSixHexDigitsAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(memory.remember(MemoryKind.FACT, "fact number " + i, CHECKOUT, source())
                    .id());
        }
        assertThat(ids).hasSize(200).allMatch(id -> id.matches("m-[0-9a-f]{6}"));
    }

    @Test
    void anIdAlreadyTakenIsDrawnAgain() {
        RandomGenerator sameTwiceThenAnother = new ScriptedRandom(0x3f9a2c, 0x3f9a2c, 0x00000b);
        IndexedTeamMemory scripted = new IndexedTeamMemory(
                store, embedder, clock, new MemoryIndex(WordEmbedder.DIMENSIONS), sameTwiceThenAnother);

        MemoryItem first = scripted.remember(MemoryKind.FACT, "first", CHECKOUT, source());
        MemoryItem second = scripted.remember(MemoryKind.FACT, "second", CHECKOUT, source());

        assertThat(first.id()).isEqualTo("m-3f9a2c");
        assertThat(second.id()).isEqualTo("m-00000b");
    }

    @Test
    void whenEveryIdDrawnIsTakenRememberFailsInsteadOfLooping() {
        IndexedTeamMemory stuck = new IndexedTeamMemory(
                store, embedder, clock, new MemoryIndex(WordEmbedder.DIMENSIONS), new ScriptedRandom(7));
        stuck.remember(MemoryKind.FACT, "first", CHECKOUT, source());

        assertThatThrownBy(() -> stuck.remember(MemoryKind.FACT, "second", CHECKOUT, source()))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("no free memory id");
    }

    @Test
    void blankOrTooLongTextIsRefusedWithAReason() {
        assertThatThrownBy(() -> memory.remember(MemoryKind.FACT, "   ", CHECKOUT, source()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> memory.remember(MemoryKind.FACT, "x".repeat(2_001), CHECKOUT, source()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2000 characters");
        assertThat(store.addedTexts()).isEmpty();
    }

    @Test
    void forgetOnlyForgetsTheTeamsOwnMemory() {
        MemoryItem item = memory.remember(MemoryKind.FACT, "checkout needs 512Mi", CHECKOUT, source());

        assertThat(memory.forget(item.id(), "slack/C0OTHER")).isEmpty();
        assertThat(memory.recall("checkout 512Mi", CHECKOUT, 5))
                .extracting(Recalled::item)
                .contains(item);

        assertThat(memory.forget(item.id(), TEAM)).contains(item);
        assertThat(memory.recall("checkout 512Mi", CHECKOUT, 5)).isEmpty();
        assertThat(memory.forget(item.id(), TEAM)).isEmpty();
        assertThat(memory.forget("m-000000", TEAM)).isEmpty();
    }

    @Test
    void anotherReplicasMemoriesAndForgetsArriveWithinTheRefreshInterval() {
        IndexedTeamMemory other = new IndexedTeamMemory(store, new WordEmbedder(), clock);
        MemoryItem early = other.remember(MemoryKind.FACT, "cart keeps sessions in redis", CHECKOUT, source());
        assertThat(memory.recall("cart sessions redis", CHECKOUT, 5))
                .extracting(Recalled::item)
                .containsExactly(early);

        clock.advance(Duration.ofSeconds(1));
        MemoryItem late = other.remember(MemoryKind.FACT, "cart sessions expire after 30 days", CHECKOUT, source());
        other.forget(early.id(), TEAM);
        assertThat(memory.recall("cart sessions", CHECKOUT, 5))
                .as("not due yet: answered from what this replica held")
                .extracting(Recalled::item)
                .containsExactly(early);

        clock.advance(Duration.ofSeconds(5));
        assertThat(memory.recall("cart sessions", CHECKOUT, 5))
                .extracting(Recalled::item)
                .containsExactly(late);
    }

    @Test
    void theFirstLoadPagesThroughEverythingIncludingChangesThatShareAnInstant() {
        Instant shared = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < 3_500; i++) {
            // a bulk import of more than a page at one instant, then one change per millisecond, then another 1,500
            // at one instant that a page boundary cuts into
            Instant at = i < 1_200 ? shared : i < 2_000 ? shared.plusMillis(i) : shared.plusSeconds(10);
            store.put(stored("m-" + String.format("%06x", i), "memory number " + i, at, i == 7));
        }

        memory.recall("memory number 5", CHECKOUT, 1);

        assertThat(memory.index().size()).isEqualTo(3_499);
        assertThat(memory.index().get("m-000007")).isEmpty();
        assertThat(memory.index().get("m-0004af")).isPresent();
        assertThat(memory.index().get("m-000dab")).isPresent();
    }

    @Test
    void catchUpsReadOnlyTheLastHalfMinuteBeforeThePreviousReadNotEverythingAgain() {
        Instant imported = clock.instant().minusSeconds(3_600);
        for (int i = 0; i < 10; i++) {
            store.put(stored("m-" + String.format("%06x", i), "imported " + i, imported, false));
        }
        memory.recall("imported", CHECKOUT, 1);
        Instant loadedAt = clock.instant();

        clock.advance(Duration.ofSeconds(6));
        memory.recall("imported", CHECKOUT, 1);
        assertThat(store.lastSince()).isEqualTo(loadedAt.minusSeconds(30));

        clock.advance(Duration.ofSeconds(6));
        memory.recall("imported", CHECKOUT, 1);
        assertThat(store.lastSince()).isEqualTo(loadedAt.plusSeconds(6).minusSeconds(30));
    }

    @Test
    void aStoreDownAfterTheFirstLoadLeavesRecallWorkingFromTheIndex() {
        MemoryItem item = memory.remember(MemoryKind.FACT, "checkout needs 512Mi", CHECKOUT, source());
        memory.recall("checkout", CHECKOUT, 5);
        store.failWith(new IllegalStateException("database down"));
        clock.advance(Duration.ofSeconds(10));

        assertThat(memory.recall("checkout 512Mi", CHECKOUT, 5))
                .extracting(Recalled::item)
                .containsExactly(item);
    }

    @Test
    void aStoreDownAtTheFirstRecallIsAnError() {
        store.failWith(new IllegalStateException("database down"));

        assertThatThrownBy(() -> memory.recall("checkout", CHECKOUT, 5)).hasMessageContaining("database down");
    }

    @Test
    void theStoreIsAskedAtMostOncePerRefreshInterval() {
        memory.recall("checkout", CHECKOUT, 5);
        int afterLoad = store.changedSinceCalls();
        for (int i = 0; i < 50; i++) {
            memory.recall("checkout", CHECKOUT, 5);
        }
        assertThat(store.changedSinceCalls()).isEqualTo(afterLoad);

        clock.advance(Duration.ofSeconds(5));
        memory.recall("checkout", CHECKOUT, 5);
        assertThat(store.changedSinceCalls()).isEqualTo(afterLoad + 1);
    }

    @Test
    void aDownVoteSinksAMemoryBelowItsEquallyRelevantTwin() {
        MemoryItem a = memory.remember(MemoryKind.FIX, "roll back checkout to fix the OOM kills", CHECKOUT, source());
        MemoryItem b = memory.remember(MemoryKind.FIX, "roll back checkout to fix the OOM kills", CHECKOUT, source());

        assertThat(memory.vote(a.id(), "alice@example.com", -1)).isTrue();
        assertThat(memory.recall("checkout OOM kills", CHECKOUT, 2))
                .extracting(r -> r.item().id())
                .containsExactly(b.id(), a.id());

        assertThat(memory.vote(a.id(), "alice@example.com", 1)).isTrue();
        assertThat(memory.recall("checkout OOM kills", CHECKOUT, 2))
                .extracting(r -> r.item().id())
                .containsExactly(a.id(), b.id());
        assertThat(memory.index().get(a.id()).orElseThrow().upVotes()).isEqualTo(1);
        assertThat(memory.index().get(a.id()).orElseThrow().downVotes()).isZero();
    }

    @Test
    void votesOtherThanPlusMinusOneOrZeroAndUnknownMemoriesAreRefused() {
        MemoryItem a = memory.remember(MemoryKind.FACT, "checkout", CHECKOUT, source());

        assertThatThrownBy(() -> memory.vote(a.id(), "alice@example.com", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(memory.vote("m-ffffff", "alice@example.com", 1)).isFalse();
    }

    @Test
    void citingCountsUsesInTheStoreAndTheIndex() {
        MemoryItem a = memory.remember(MemoryKind.FACT, "checkout needs 512Mi", CHECKOUT, source());

        memory.cited(List.of(a.id(), "m-ffffff"));
        memory.cited(List.of(a.id()));

        assertThat(store.find(a.id()).orElseThrow().uses()).isEqualTo(2);
        assertThat(memory.index().get(a.id()).orElseThrow().uses()).isEqualTo(2);
    }

    @Test
    void aBlankQuestionRecallsNothingAndBadArgumentsAreRefused() {
        memory.remember(MemoryKind.FACT, "checkout needs 512Mi", CHECKOUT, source());

        assertThat(memory.recall("  ", CHECKOUT, 5)).isEmpty();
        assertThatThrownBy(() -> memory.recall("checkout", CHECKOUT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.list(TEAM, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listIsTheStores() {
        MemoryItem a = memory.remember(MemoryKind.FACT, "checkout needs 512Mi", CHECKOUT, source());

        assertThat(memory.list(TEAM, "checkout", 10)).containsExactly(a);
        assertThat(memory.list(TEAM, "payments", 10)).isEmpty();
    }

    private MemorySource source() {
        return new MemorySource(
                "slack/C0INCIDENT/1700000000.000100", "Ev1", "alice@example.com", "#inc", clock.instant());
    }

    private StoredMemory stored(String id, String text, Instant at, boolean forgotten) {
        MemoryItem item = new MemoryItem(id, MemoryKind.FACT, text, CHECKOUT, source(), 0, 0, 0);
        return new StoredMemory(item, embedder.embed(text), at, forgotten);
    }

    /** Returns the given ints in turn, then the last one for ever. */
    private static final class ScriptedRandom implements RandomGenerator {
        private final int[] values;
        private int next;

        ScriptedRandom(int... values) {
            this.values = values;
        }

        @Override
        public int nextInt(int bound) {
            return values[Math.min(next++, values.length - 1)] % bound;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextInt(bound) is used for ids");
        }
    }
}
