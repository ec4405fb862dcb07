package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MemoryStore} promises: memories and their embeddings kept bit for bit, forgetting that reaches
 * every replica, and usage counts that count every citation and every person's one standing vote however many
 * threads or replicas record them at once.
 *
 * <p>Rules the port leaves open, fixed here so that the fake and the database agree:
 *
 * <ul>
 *   <li>Instants are kept to the microsecond (what PostgreSQL keeps); finer parts are cut off, not rounded.
 *   <li>A new memory starts unused and unvoted: {@code add} refuses an item with uses or votes, an id that is taken
 *       (a forgotten memory's id too, until its tombstone is purged), and an empty or non-finite vector. The stored
 *       vector is a copy.
 *   <li>{@code list} with a service keeps only memories scoped to exactly that service. Limits below 1 give nothing.
 *   <li>{@code changedSince} is exclusive: a memory changed at {@code since} is not returned. It returns at most
 *       {@code limit} memories, except that it never splits an instant: the memories that changed in the same
 *       instant as the last one returned come with it, so asking again from the last {@code changedAt} misses none.
 *       {@code changedAt} never moves backwards, and is the caller's clock, not commit order: a replica keeping up
 *       should ask from a little before the last {@code changedAt} it saw and apply what comes twice again.
 *   <li>{@code cited} counts each id once per call and passes over unknown and forgotten ids.
 *   <li>{@code vote} refuses anything but -1, 0 and +1; a vote that changes nothing (the same again, 0 without a
 *       vote) is {@code true} but leaves {@code changedAt} alone; unknown and forgotten memories give {@code false}.
 * </ul>
 */
public abstract class MemoryStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    protected static final String TEAM = "slack/C0INCIDENT";
    /** Small on purpose: the store fixes no number of dimensions (MiniLM's 384 is one test's). */
    private static final int DIMS = 8;

    protected MemoryStore store;

    /** A new store over empty storage. */
    protected abstract MemoryStore newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected MemoryStore anotherReplicaOf(MemoryStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    /** A memory of {@link #TEAM} about {@code service} (null: the whole team), learned at {@code learnedAt}. */
    protected static MemoryItem memory(String id, String service, Instant learnedAt) {
        return new MemoryItem(
                id,
                MemoryKind.FACT,
                "checkout is OOMKilled below 512Mi (" + id + ")",
                new MemoryScope(TEAM, service, service == null ? null : "shop"),
                new MemorySource(
                        "slack/C0INCIDENT/1710037800.000100",
                        "1710037900.000200",
                        "alice@example.com",
                        "#inc-checkout",
                        learnedAt),
                0,
                0,
                0);
    }

    protected static MemoryItem memory(String id) {
        return memory(id, "checkout", T0);
    }

    /** A vector that differs per seed, with negative and fractional values. */
    protected static float[] vector(int seed) {
        float[] vector = new float[DIMS];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (seed + 1) * (i % 2 == 0 ? 0.125f : -0.0625f) + i / 1000f;
        }
        return vector;
    }

    /** Adds {@code item} with vector {@code seed}, changed at its learning time. */
    protected void add(MemoryItem item, int seed) {
        store.add(item, vector(seed), item.source().at());
    }

    private StoredMemory changed(String id, Instant since) {
        return store.changedSince(since, 100).stream()
                .filter(stored -> stored.item().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not change after " + since));
    }

    private MemoryItem found(String id) {
        return store.find(id).orElseThrow(() -> new AssertionError("no memory " + id));
    }

    private static List<String> ids(List<StoredMemory> changes) {
        return changes.stream().map(stored -> stored.item().id()).toList();
    }

    // ---- what is kept --------------------------------------------------------------------------------------------

    @Test
    void addedMemoryComesBackEqualWithItsVector() {
        MemoryItem item = new MemoryItem(
                "m-3f9a2c",
                MemoryKind.FIX,
                "rolling back checkout to the previous revision fixed the OOM kills — “ünïcødé” \\ \"quoted\"",
                new MemoryScope("teams/19:abc@thread.tacv2", "checkout", "shop"),
                new MemorySource(
                        "teams/19:abc@thread.tacv2/1710037800123",
                        "1710037900456",
                        "dana.lee@example.com",
                        "#inc-checkout",
                        Instant.parse("2026-03-10T02:35:00.123456Z")),
                0,
                0,
                0);
        float[] minilm = new float[384];
        for (int i = 0; i < minilm.length; i++) {
            minilm[i] = (float) Math.sin(i) / 7f;
        }
        minilm[0] = -0.0f;
        minilm[1] = Float.MIN_VALUE;
        minilm[2] = -Float.MAX_VALUE;
        Instant at = T0.plusNanos(789_000);

        store.add(item, minilm.clone(), at);

        assertThat(store.find("m-3f9a2c")).contains(item);
        StoredMemory expected = new StoredMemory(item, minilm, at, false);
        assertThat(store.changedSince(T0, 10)).containsExactly(expected);
        assertThat(anotherReplicaOf(store).changedSince(T0, 10)).containsExactly(expected);
    }

    @Test
    void memoryWithoutServiceMessageOrChannelNameComesBackEqual() {
        MemoryItem bare = new MemoryItem(
                "m-1",
                MemoryKind.PREFERENCE,
                "page #payments before touching their deployments",
                MemoryScope.team(TEAM),
                new MemorySource("console/C-ops/t-1", null, "opsbot", null, T0),
                0,
                0,
                0);

        store.add(bare, vector(1), T0);

        assertThat(store.find("m-1")).contains(bare);
        assertThat(changed("m-1", T0.minusSeconds(1)).item()).isEqualTo(bare);
    }

    @Test
    void unknownMemoryIsNotFound() {
        add(memory("m-1"), 1);

        assertThat(store.find("m-2")).isEmpty();
    }

    @Test
    void instantsAreKeptToTheMicrosecondCutNotRounded() {
        MemoryItem item = memory("m-1", "checkout", T0.plusNanos(1_234_999));

        store.add(item, vector(1), T0.plusNanos(2_345_999));

        assertThat(found("m-1").source().at()).isEqualTo(T0.plusNanos(1_234_000));
        assertThat(changed("m-1", T0).changedAt()).isEqualTo(T0.plusNanos(2_345_000));
    }

    @Test
    void storedVectorIsACopyOfTheOneGiven() {
        float[] given = vector(1);
        store.add(memory("m-1"), given, T0);

        given[0] = 42f;
        changed("m-1", T0.minusSeconds(1)).vector()[1] = 42f;

        assertThat(changed("m-1", T0.minusSeconds(1)).vector()).containsExactly(vector(1));
    }

    @Test
    void secondAddOfOneIdIsRefusedAndTheFirstIsKept() {
        add(memory("m-1"), 1);
        MemoryItem impostor = memory("m-1", "payments", T0.plusSeconds(5));

        assertThatThrownBy(() -> anotherReplicaOf(store).add(impostor, vector(2), T0.plusSeconds(5)))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("m-1");

        assertThat(store.find("m-1")).contains(memory("m-1"));
        assertThat(changed("m-1", T0.minusSeconds(1)).vector()).containsExactly(vector(1));
    }

    @Test
    void forgottenIdStaysTakenUntilItsTombstoneIsGone() {
        add(memory("m-1"), 1);
        store.forget("m-1", T0.plusSeconds(1));

        assertThatThrownBy(() -> store.add(memory("m-1"), vector(1), T0.plusSeconds(2)))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("m-1");
    }

    @Test
    void addRefusesAMemoryThatWasAlreadyUsedOrVotedOn() {
        MemoryItem used = memory("m-1").withUsage(3, 0, 0);
        MemoryItem voted = memory("m-2").withUsage(0, 0, 1);

        assertThatThrownBy(() -> store.add(used, vector(1), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m-1");
        assertThatThrownBy(() -> store.add(voted, vector(1), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m-2");
        assertThat(store.changedSince(Instant.EPOCH, 10)).isEmpty();
    }

    @Test
    void addRefusesAnEmptyOrNonFiniteVector() {
        float[] withNan = vector(1);
        withNan[3] = Float.NaN;
        float[] withInfinity = vector(1);
        withInfinity[5] = Float.NEGATIVE_INFINITY;

        assertThatThrownBy(() -> store.add(memory("m-1"), new float[0], T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m-1");
        assertThatThrownBy(() -> store.add(memory("m-1"), withNan, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3");
        assertThatThrownBy(() -> store.add(memory("m-1"), withInfinity, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
        assertThat(store.find("m-1")).isEmpty();
    }

    // ---- list ----------------------------------------------------------------------------------------------------

    @Test
    void listIsTheTeamsMemoriesNewestFirstUpToTheLimit() {
        add(memory("m-old", "checkout", T0), 1);
        add(memory("m-new", null, T0.plusSeconds(20)), 2);
        add(memory("m-mid", "payments", T0.plusSeconds(10)), 3);
        MemoryItem otherTeam = new MemoryItem(
                "m-other",
                MemoryKind.FACT,
                "another team's fact",
                MemoryScope.team("slack/C0PAYMENTS"),
                new MemorySource("slack/C0PAYMENTS/1.2", null, "bob@example.com", null, T0.plusSeconds(30)),
                0,
                0,
                0);
        add(otherTeam, 4);

        assertThat(store.list(TEAM, null, 10)).extracting(MemoryItem::id).containsExactly("m-new", "m-mid", "m-old");
        assertThat(store.list(TEAM, null, 2)).extracting(MemoryItem::id).containsExactly("m-new", "m-mid");
        assertThat(store.list("slack/C0PAYMENTS", null, 10)).containsExactly(otherTeam);
        assertThat(store.list("slack/C0NOBODY", null, 10)).isEmpty();
        assertThat(store.list(TEAM, null, 0)).isEmpty();
    }

    @Test
    void listWithAServiceKeepsOnlyThatServicesMemories() {
        add(memory("m-checkout-1", "checkout", T0), 1);
        add(memory("m-team", null, T0.plusSeconds(10)), 2);
        add(memory("m-payments", "payments", T0.plusSeconds(20)), 3);
        add(memory("m-checkout-2", "checkout", T0.plusSeconds(30)), 4);

        assertThat(store.list(TEAM, "checkout", 10))
                .extracting(MemoryItem::id)
                .containsExactly("m-checkout-2", "m-checkout-1");
        assertThat(store.list(TEAM, "checkout", 1)).extracting(MemoryItem::id).containsExactly("m-checkout-2");
        assertThat(store.list(TEAM, "search", 10)).isEmpty();
    }

    // ---- forget --------------------------------------------------------------------------------------------------

    @Test
    void forgottenMemoryIsNeitherFoundNorListed() {
        add(memory("m-1"), 1);
        add(memory("m-2", "checkout", T0.plusSeconds(1)), 2);

        assertThat(store.forget("m-1", T0.plusSeconds(60))).isTrue();

        assertThat(store.find("m-1")).isEmpty();
        assertThat(anotherReplicaOf(store).find("m-1")).isEmpty();
        assertThat(store.list(TEAM, null, 10)).extracting(MemoryItem::id).containsExactly("m-2");
        assertThat(store.list(TEAM, "checkout", 10)).extracting(MemoryItem::id).containsExactly("m-2");
    }

    @Test
    void forgettingTwiceOrAnUnknownMemoryIsFalse() {
        add(memory("m-1"), 1);
        store.forget("m-1", T0.plusSeconds(60));

        assertThat(anotherReplicaOf(store).forget("m-1", T0.plusSeconds(70))).isFalse();
        assertThat(store.forget("m-404", T0.plusSeconds(70))).isFalse();
        assertThat(changed("m-1", T0).changedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void forgetLeavesATombstoneThatEveryReplicaSeesOnce() {
        add(memory("m-1"), 1);
        add(memory("m-2", "checkout", T0.plusSeconds(1)), 2);
        Instant indexedUpTo = T0.plusSeconds(1);

        store.forget("m-1", T0.plusSeconds(60));

        StoredMemory tombstone = new StoredMemory(memory("m-1"), vector(1), T0.plusSeconds(60), true);
        assertThat(store.changedSince(indexedUpTo, 10)).containsExactly(tombstone);
        assertThat(anotherReplicaOf(store).changedSince(indexedUpTo, 10)).containsExactly(tombstone);
        assertThat(store.changedSince(T0.plusSeconds(60), 10)).isEmpty();
    }

    // ---- changedSince --------------------------------------------------------------------------------------------

    @Test
    void changedSinceIsOldestChangeFirstAndExcludesSince() {
        add(memory("m-3", "checkout", T0.plusSeconds(3)), 3);
        add(memory("m-1", "checkout", T0.plusSeconds(1)), 1);
        add(memory("m-2", "checkout", T0.plusSeconds(2)), 2);

        assertThat(ids(store.changedSince(T0, 10))).containsExactly("m-1", "m-2", "m-3");
        assertThat(ids(store.changedSince(T0.plusSeconds(1), 10))).containsExactly("m-2", "m-3");
        assertThat(ids(store.changedSince(T0.plusSeconds(3), 10))).isEmpty();
        assertThat(store.changedSince(T0, 0)).isEmpty();
    }

    @Test
    void changedSinceNeverSplitsAnInstantSoThatThePageAfterMissesNone() {
        add(memory("m-a", "checkout", T0.plusSeconds(1)), 1);
        for (String id : List.of("m-d", "m-b", "m-c")) {
            store.add(memory(id), vector(2), T0.plusSeconds(2));
        }
        add(memory("m-e", "checkout", T0.plusSeconds(3)), 3);

        List<StoredMemory> first = store.changedSince(T0, 2);

        assertThat(ids(first)).containsExactly("m-a", "m-b", "m-c", "m-d");
        assertThat(ids(store.changedSince(first.get(first.size() - 1).changedAt(), 2)))
                .containsExactly("m-e");
        assertThat(ids(store.changedSince(T0, 1))).containsExactly("m-a");
    }

    @Test
    void pagingThroughChangedSinceSeesEveryMemoryOnceInOrder() {
        int[] seconds = {5, 1, 3, 3, 1, 7, 3, 2, 9};
        for (int i = 0; i < seconds.length; i++) {
            store.add(memory("m-" + i), vector(i), T0.plusSeconds(seconds[i]));
        }

        List<StoredMemory> seen = new ArrayList<>();
        Instant since = Instant.MIN;
        for (List<StoredMemory> page = store.changedSince(since, 2);
                !page.isEmpty();
                page = store.changedSince(since, 2)) {
            seen.addAll(page);
            since = page.get(page.size() - 1).changedAt();
        }

        assertThat(ids(seen)).containsExactly("m-1", "m-4", "m-7", "m-2", "m-3", "m-6", "m-0", "m-5", "m-8");
        assertThat(seen).extracting(StoredMemory::changedAt).isSorted();
    }

    @Test
    void changedSinceTheBeginningOfTimeReturnsEverything() {
        store.add(memory("m-1", "checkout", Instant.EPOCH), vector(1), Instant.EPOCH);
        add(memory("m-2"), 2);

        assertThat(ids(store.changedSince(Instant.MIN, 10))).containsExactly("m-1", "m-2");
        assertThat(ids(store.changedSince(Instant.EPOCH.minusNanos(1), 10))).containsExactly("m-1", "m-2");
    }

    // ---- cited ---------------------------------------------------------------------------------------------------

    @Test
    void citationCountsAUseAndShowsTheMemoryAsChanged() {
        add(memory("m-1"), 1);
        add(memory("m-2"), 2);
        add(memory("m-3"), 3);

        store.cited(List.of("m-1", "m-3"), T0.plusSeconds(30));
        anotherReplicaOf(store).cited(List.of("m-3"), T0.plusSeconds(40));

        assertThat(found("m-1").uses()).isEqualTo(1);
        assertThat(found("m-2").uses()).isZero();
        assertThat(found("m-3").uses()).isEqualTo(2);
        assertThat(store.changedSince(T0, 10))
                .extracting(stored -> stored.item().id(), StoredMemory::changedAt, stored -> stored.item()
                        .uses())
                .containsExactly(tuple("m-1", T0.plusSeconds(30), 1), tuple("m-3", T0.plusSeconds(40), 2));
    }

    @Test
    void oneCitationCountsEachMemoryOnce() {
        add(memory("m-1"), 1);

        store.cited(List.of("m-1", "m-1", "m-1"), T0.plusSeconds(30));
        store.cited(List.of(), T0.plusSeconds(40));

        assertThat(found("m-1").uses()).isEqualTo(1);
    }

    @Test
    void citingUnknownOrForgottenMemoriesChangesNothing() {
        add(memory("m-1"), 1);
        add(memory("m-2"), 2);
        store.forget("m-2", T0.plusSeconds(10));

        store.cited(List.of("m-404", "m-2", "m-1"), T0.plusSeconds(30));

        assertThat(found("m-1").uses()).isEqualTo(1);
        StoredMemory tombstone = changed("m-2", T0);
        assertThat(tombstone.changedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(tombstone.item().uses()).isZero();
        assertThat(store.find("m-404")).isEmpty();
    }

    @Test
    void changedAtNeverMovesBackwards() {
        add(memory("m-1"), 1);
        store.cited(List.of("m-1"), T0.plusSeconds(60));

        store.cited(List.of("m-1"), T0.plusSeconds(30));
        store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(20));

        StoredMemory stored = changed("m-1", T0);
        assertThat(stored.changedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stored.item().uses()).isEqualTo(2);
        assertThat(stored.item().upVotes()).isEqualTo(1);
    }

    @Test
    void racingCitationsAllCount() {
        add(memory("m-1"), 1);
        add(memory("m-2"), 2);
        List<MemoryStore> replicas = List.of(store, anotherReplicaOf(store));

        Race.of(8, racer -> {
            replicas.get(racer % 2).cited(List.of("m-1", "m-2"), T0.plusSeconds(racer));
            return null;
        });

        assertThat(found("m-1").uses()).isEqualTo(8);
        assertThat(found("m-2").uses()).isEqualTo(8);
    }

    // ---- votes ---------------------------------------------------------------------------------------------------

    @Test
    void votesAreCountedUpAndDown() {
        add(memory("m-1"), 1);

        assertThat(store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(10))).isTrue();
        assertThat(store.vote("m-1", "carol@example.com", 1, T0.plusSeconds(11)))
                .isTrue();
        assertThat(store.vote("m-1", "dana@example.com", -1, T0.plusSeconds(12)))
                .isTrue();

        MemoryItem voted = memory("m-1").withUsage(0, 2, 1);
        assertThat(store.find("m-1")).contains(voted);
        assertThat(anotherReplicaOf(store).list(TEAM, null, 10)).containsExactly(voted);
        assertThat(changed("m-1", T0)).isEqualTo(new StoredMemory(voted, vector(1), T0.plusSeconds(12), false));
    }

    @Test
    void sameVoteAgainIsANoOp() {
        add(memory("m-1"), 1);
        store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(10));

        assertThat(store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(20))).isTrue();
        assertThat(anotherReplicaOf(store).vote("m-1", "bob@example.com", 1, T0.plusSeconds(30)))
                .isTrue();

        assertThat(found("m-1").upVotes()).isEqualTo(1);
        assertThat(store.changedSince(T0.plusSeconds(10), 10)).isEmpty();
    }

    @Test
    void changedMindMovesTheCounts() {
        add(memory("m-1"), 1);
        store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(10));
        store.vote("m-1", "carol@example.com", 1, T0.plusSeconds(11));

        assertThat(store.vote("m-1", "bob@example.com", -1, T0.plusSeconds(20))).isTrue();

        assertThat(found("m-1")).isEqualTo(memory("m-1").withUsage(0, 1, 1));
        assertThat(changed("m-1", T0.plusSeconds(11)).changedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void zeroTakesAVoteBack() {
        add(memory("m-1"), 1);
        store.vote("m-1", "bob@example.com", -1, T0.plusSeconds(10));
        store.vote("m-1", "carol@example.com", -1, T0.plusSeconds(11));

        assertThat(store.vote("m-1", "bob@example.com", 0, T0.plusSeconds(20))).isTrue();

        assertThat(found("m-1").downVotes()).isEqualTo(1);
        assertThat(changed("m-1", T0.plusSeconds(11)).changedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(store.vote("m-1", "bob@example.com", 0, T0.plusSeconds(30))).isTrue();
        assertThat(store.changedSince(T0.plusSeconds(20), 10)).isEmpty();
        assertThat(store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(40))).isTrue();
        assertThat(found("m-1")).isEqualTo(memory("m-1").withUsage(0, 1, 1));
    }

    @Test
    void votesBelongToTheirMemory() {
        add(memory("m-1"), 1);
        add(memory("m-2"), 2);

        store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(10));
        store.vote("m-2", "bob@example.com", -1, T0.plusSeconds(11));

        assertThat(found("m-1")).isEqualTo(memory("m-1").withUsage(0, 1, 0));
        assertThat(found("m-2")).isEqualTo(memory("m-2").withUsage(0, 0, 1));
    }

    @Test
    void voteOnAnUnknownOrForgottenMemoryIsFalse() {
        add(memory("m-1"), 1);
        store.forget("m-1", T0.plusSeconds(10));

        assertThat(store.vote("m-404", "bob@example.com", 1, T0.plusSeconds(20)))
                .isFalse();
        assertThat(store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(20))).isFalse();
        assertThat(changed("m-1", T0).changedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(changed("m-1", T0).item().upVotes()).isZero();
    }

    @Test
    void voteRefusesAnythingButMinusOneZeroOrPlusOne() {
        add(memory("m-1"), 1);

        assertThatThrownBy(() -> store.vote("m-1", "bob@example.com", 2, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2");
        assertThatThrownBy(() -> store.vote("m-1", "bob@example.com", -5, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> store.vote("m-1", " ", 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(found("m-1")).isEqualTo(memory("m-1"));
    }

    @Test
    void racingVotersAllCount() {
        add(memory("m-1"), 1);
        List<MemoryStore> replicas = List.of(store, anotherReplicaOf(store));

        List<Boolean> counted = Race.of(8, racer -> replicas.get(racer % 2)
                .vote("m-1", "voter" + racer + "@example.com", racer % 4 == 0 ? -1 : 1, T0.plusSeconds(racer)));

        assertThat(counted).containsOnly(true);
        assertThat(found("m-1")).isEqualTo(memory("m-1").withUsage(0, 6, 2));
    }

    @Test
    void racingDeliveriesOfOneVoteCountItOnce() {
        List<MemoryStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 5; round++) {
            String id = "m-" + round;
            add(memory(id), round);

            List<Boolean> counted =
                    Race.of(8, racer -> replicas.get(racer % 2).vote(id, "bob@example.com", -1, T0.plusSeconds(30)));

            assertThat(counted).as("round %d", round).containsOnly(true);
            assertThat(found(id)).as("round %d", round).isEqualTo(memory(id).withUsage(0, 0, 1));
        }
    }

    // ---- replicas ------------------------------------------------------------------------------------------------

    @Test
    void replicasSeeEachOthersChanges() {
        MemoryStore other = anotherReplicaOf(store);

        add(memory("m-1"), 1);
        assertThat(other.find("m-1")).contains(memory("m-1"));

        other.cited(List.of("m-1"), T0.plusSeconds(10));
        other.vote("m-1", "bob@example.com", 1, T0.plusSeconds(11));
        assertThat(store.find("m-1")).contains(memory("m-1").withUsage(1, 1, 0));

        store.vote("m-1", "bob@example.com", -1, T0.plusSeconds(12));
        assertThat(other.find("m-1")).contains(memory("m-1").withUsage(1, 0, 1));

        other.forget("m-1", T0.plusSeconds(13));
        assertThat(store.find("m-1")).isEmpty();
        assertThat(store.changedSince(T0.plusSeconds(12), 10))
                .containsExactly(
                        new StoredMemory(memory("m-1").withUsage(1, 0, 1), vector(1), T0.plusSeconds(13), true));
    }

    @Test
    void manyMemoriesAreListedAndChangedInOrder() {
        IntStream.range(0, 30).forEach(i -> add(memory("m-" + (100 + i), null, T0.plusSeconds(i)), i));

        assertThat(store.list(TEAM, null, 3)).extracting(MemoryItem::id).containsExactly("m-129", "m-128", "m-127");
        assertThat(ids(store.changedSince(T0.plusSeconds(26), 100))).containsExactly("m-127", "m-128", "m-129");
    }
}
