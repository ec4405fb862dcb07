package dev.opsbot.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.memory.embedding.Vectors;
import dev.opsbot.memory.testing.WordEmbedder;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryIndexTest {
    private static final String TEAM = "slack/C0INCIDENT";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final WordEmbedder embedder = new WordEmbedder();
    private final MemoryIndex index = new MemoryIndex(WordEmbedder.DIMENSIONS);

    @Test
    void aQuestionSeesOnlyItsTeamsMemories() {
        index.upsert(stored("m-000001", "checkout OOMKilled below 512Mi", new MemoryScope(TEAM, null, null)));
        index.upsert(
                stored("m-000002", "checkout OOMKilled below 512Mi", new MemoryScope("slack/C0OTHER", null, null)));

        assertThat(ids("checkout OOMKilled", MemoryScope.team(TEAM))).containsExactly("m-000001");
        assertThat(ids("checkout OOMKilled", MemoryScope.team("slack/C0OTHER"))).containsExactly("m-000002");
        assertThat(ids("checkout OOMKilled", MemoryScope.team("slack/C0NOBODY")))
                .isEmpty();
    }

    @Test
    void aServiceScopedMemoryAppliesOnlyToItsServiceAndTeamWideOnesToAll() {
        index.upsert(stored("m-00000c", "pods restart after the deploy", new MemoryScope(TEAM, "checkout", null)));
        index.upsert(stored("m-00000a", "pods restart after the deploy", new MemoryScope(TEAM, "payments", null)));
        index.upsert(stored("m-00000e", "pods restart after the deploy", MemoryScope.team(TEAM)));

        assertThat(ids("pods restart", new MemoryScope(TEAM, "checkout", null)))
                .containsExactlyInAnyOrder("m-00000c", "m-00000e");
        assertThat(ids("pods restart", new MemoryScope(TEAM, "search", null)))
                .as("a service no memory has: only the team-wide one")
                .containsExactly("m-00000e");
        assertThat(ids("pods restart", MemoryScope.team(TEAM))).hasSize(3);
    }

    @Test
    void namespacesFilterLikeServices() {
        index.upsert(stored("m-000001", "quota exceeded", new MemoryScope(TEAM, "checkout", "shop")));
        index.upsert(stored("m-000002", "quota exceeded", new MemoryScope(TEAM, "checkout", "shop-staging")));

        assertThat(ids("quota", new MemoryScope(TEAM, "checkout", "shop"))).containsExactly("m-000001");
        assertThat(ids("quota", new MemoryScope(TEAM, "checkout", null))).hasSize(2);
    }

    @Test
    void aMemoryOfTheAskedServiceRanksAboveAnEquallyRelevantTeamWideOne() {
        index.upsert(stored("m-0000aa", "roll back to the previous revision", MemoryScope.team(TEAM)));
        index.upsert(stored("m-0000bb", "roll back to the previous revision", new MemoryScope(TEAM, "checkout", null)));

        assertThat(ids("roll back to the previous revision", new MemoryScope(TEAM, "checkout", null)))
                .containsExactly("m-0000bb", "m-0000aa");
        assertThat(ids("checkout: roll back to the previous revision?", MemoryScope.team(TEAM)))
                .as("no service in the scope: the one the question names")
                .containsExactly("m-0000bb", "m-0000aa");
    }

    @Test
    void aQuestionNamingAServiceLiftsWhatIsAboutItAndLowersWhatIsAboutOthers() {
        // every memory equally like the question (cosine 0.71): only the service terms and the word "checkout" differ
        put("m-00000a", "alpha", new MemoryScope(TEAM, "checkout", null), 1);
        put("m-00000b", "beta checkout", MemoryScope.team(TEAM), 2);
        put("m-00000c", "gamma", new MemoryScope(TEAM, "payments", null), 3);
        put("m-00000d", "delta checkout", new MemoryScope(TEAM, "payments", null), 4);
        put("m-00000e", "epsilon", MemoryScope.team(TEAM), 5);

        List<MemoryHit> hits = index.search("checkout?", basis(0), MemoryScope.team(TEAM), 5);

        assertThat(hits)
                .as("b: team-wide, names checkout; d: of payments, names checkout in passing (neither up nor down);"
                        + " a: of checkout; e: a team-wide rule; c: of payments only")
                .extracting(hit -> hit.item().id())
                .containsExactly("m-00000b", "m-00000d", "m-00000a", "m-00000e", "m-00000c");
        assertThat(serviceTerm(hits.get(2))).isCloseTo(Weights.DEFAULT.serviceMatch(), within(1e-4));
        assertThat(serviceTerm(hits.get(4))).isCloseTo(-Weights.DEFAULT.otherService(), within(1e-4));
        assertThat(serviceTerm(hits.get(3))).isCloseTo(0, within(1e-4));
    }

    @Test
    void aServiceSeenOnlyLaterIsFoundInTextsAlreadyHeld() {
        put("m-00000f", "zeta-api restarts nightly", MemoryScope.team(TEAM), 1);
        put("m-000010", "omega", new MemoryScope(TEAM, "zeta-api", null), 2);

        List<MemoryHit> hits = index.search("is zeta-api down?", basis(0), MemoryScope.team(TEAM), 2);

        assertThat(hits).allSatisfy(hit -> assertThat(serviceTerm(hit))
                .isCloseTo(Weights.DEFAULT.serviceMatch(), within(1e-4)));
    }

    @Test
    void noServiceNamedNoServiceTerms() {
        put("m-00000a", "alpha", new MemoryScope(TEAM, "checkout", null), 1);
        put("m-00000b", "beta", MemoryScope.team(TEAM), 2);

        assertThat(index.search("what broke?", basis(0), MemoryScope.team(TEAM), 2))
                .allSatisfy(hit -> assertThat(serviceTerm(hit)).isCloseTo(0, within(1e-4)));
    }

    @Test
    void downVotesSinkAndUpVotesLift() {
        index.upsert(stored("m-00000a", "raise the memory limit to 512Mi", MemoryScope.team(TEAM)));
        index.upsert(stored("m-00000b", "raise the memory limit to 512Mi", MemoryScope.team(TEAM)));
        String question = "raise the memory limit";

        assertThat(index.updateUsage("m-00000a", 3, 0, 1)).isTrue();
        assertThat(ids(question, MemoryScope.team(TEAM))).containsExactly("m-00000b", "m-00000a");

        index.updateUsage("m-00000a", 3, 2, 0);
        assertThat(ids(question, MemoryScope.team(TEAM))).containsExactly("m-00000a", "m-00000b");
        assertThat(index.get("m-00000a").orElseThrow().uses()).isEqualTo(3);
        assertThat(index.updateUsage("m-ffffff", 1, 0, 0)).isFalse();
    }

    @Test
    void votesDoNotLiftAnIrrelevantMemoryOverARelevantOne() {
        index.upsert(stored("m-00000a", "checkout OOMKilled below 512Mi", MemoryScope.team(TEAM)));
        index.upsert(stored("m-00000b", "payments settlement report at 23:00", MemoryScope.team(TEAM)));
        index.updateUsage("m-00000b", 50, 50, 0);

        assertThat(ids("checkout OOMKilled", MemoryScope.team(TEAM)).getFirst()).isEqualTo("m-00000a");
    }

    @Test
    void anExactWordPullsAMemoryUp() {
        index.upsert(stored("m-00000a", "limit 256Mi is too small for search", MemoryScope.team(TEAM)));
        index.upsert(stored("m-00000b", "limit 512Mi is too small for checkout", MemoryScope.team(TEAM)));

        List<MemoryHit> hits = index.search("512mi", vector("why 512Mi?"), MemoryScope.team(TEAM), 2);

        assertThat(hits.getFirst().item().id()).isEqualTo("m-00000b");
        assertThat(hits.getFirst().keywords()).isGreaterThan(0.5);
        assertThat(hits.getLast().keywords()).isZero();
    }

    @Test
    void forgottenMemoriesDisappearAndTheirRowIsReused() {
        index.upsert(stored("m-000001", "alpha one", MemoryScope.team(TEAM)));
        index.upsert(stored("m-000002", "beta two", MemoryScope.team(TEAM)));
        MemoryItem alpha = index.get("m-000001").orElseThrow();

        assertThat(index.upsert(new StoredMemory(alpha, vector("alpha one"), T0.plusSeconds(1), true)))
                .isTrue();
        assertThat(ids("alpha one", MemoryScope.team(TEAM))).containsExactly("m-000002");
        assertThat(index.remove("m-000001")).isFalse();

        index.upsert(stored("m-000003", "gamma three", MemoryScope.team(TEAM)));
        assertThat(ids("gamma three", MemoryScope.team(TEAM)).getFirst()).isEqualTo("m-000003");
        assertThat(index.search("alpha", vector("alpha"), MemoryScope.team(TEAM), 5))
                .allSatisfy(hit -> assertThat(hit.keywords()).isZero());
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void theSameChangeTwiceIsNoChangeAndANewTextIsReindexed() {
        StoredMemory first = stored("m-000001", "kafka retention two days", MemoryScope.team(TEAM));
        assertThat(index.upsert(first)).isTrue();
        assertThat(index.upsert(first)).isFalse();

        MemoryItem edited = new MemoryItem(
                "m-000001", MemoryKind.FACT, "redis eviction policy", MemoryScope.team(TEAM), source(), 0, 0, 0);
        assertThat(index.upsert(new StoredMemory(edited, vector(edited.text()), T0.plusSeconds(1), false)))
                .isTrue();

        assertThat(index.search("kafka retention", vector("kafka retention"), MemoryScope.team(TEAM), 1))
                .allSatisfy(hit -> assertThat(hit.keywords()).isZero());
        assertThat(index.search("redis eviction", vector("redis eviction"), MemoryScope.team(TEAM), 1)
                        .getFirst()
                        .keywords())
                .isGreaterThan(0.5);
    }

    @Test
    void aMemoryMovedToAnotherTeamLeavesTheFirst() {
        index.upsert(stored("m-000001", "alpha", MemoryScope.team(TEAM)));
        index.upsert(stored("m-000001", "alpha", MemoryScope.team("slack/C0OTHER")));

        assertThat(ids("alpha", MemoryScope.team(TEAM))).isEmpty();
        assertThat(ids("alpha", MemoryScope.team("slack/C0OTHER"))).containsExactly("m-000001");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void badArgumentsAreRefused() {
        index.upsert(stored("m-000001", "alpha", MemoryScope.team(TEAM)));
        MemoryScope scope = MemoryScope.team(TEAM);

        assertThatThrownBy(() -> index.search("alpha", vector("alpha"), scope, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("alpha", vector("alpha"), scope, MemoryIndex.MAX_K + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("alpha", new float[3], scope, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 dimensions");
        MemoryItem item = index.get("m-000001").orElseThrow();
        assertThatThrownBy(() -> index.upsert(new StoredMemory(item, new float[3], T0, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryIndex(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargeIndexScannedOnSeveralCoresFindsExactlyWhatABruteForceScanFinds() {
        int dims = 32;
        int count = 40_000;
        MemoryIndex big = new MemoryIndex(dims, Weights.similarityOnly());
        Random random = new Random(42);
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            vectors[i] = randomUnit(random, dims);
            MemoryItem item = new MemoryItem(
                    String.format("m-%06x", i),
                    MemoryKind.FACT,
                    "memory " + i,
                    MemoryScope.team(TEAM),
                    source(),
                    0,
                    0,
                    0);
            big.upsert(new StoredMemory(item, vectors[i], T0, false));
        }
        for (int probe : new int[] {0, 1, 19_999, 20_000, 39_999}) {
            List<MemoryHit> hits = big.search("", vectors[probe], MemoryScope.team(TEAM), 10);
            assertThat(hits.getFirst().item().id()).isEqualTo(String.format("m-%06x", probe));
            for (MemoryHit hit : hits) {
                int row = Integer.parseInt(hit.item().id().substring(2), 16);
                assertThat(hit.similarity())
                        .as("int8 cosine against the exact one")
                        .isCloseTo(Vectors.cosine(vectors[probe], vectors[row]), within(0.01));
            }
        }
    }

    /** A memory whose vector is halfway between basis vector 0 (the question's) and basis vector {@code axis}. */
    private void put(String id, String text, MemoryScope scope, int axis) {
        float[] vector = basis(0);
        vector[axis] = 1;
        MemoryItem item = new MemoryItem(id, MemoryKind.FACT, text, scope, source(), 0, 0, 0);
        index.upsert(new StoredMemory(item, vector, T0, false));
    }

    private static float[] basis(int axis) {
        float[] vector = new float[WordEmbedder.DIMENSIONS];
        vector[axis] = 1;
        return vector;
    }

    private static double serviceTerm(MemoryHit hit) {
        return hit.score()
                - Weights.DEFAULT.similarity() * hit.similarity()
                - Weights.DEFAULT.keywords() * hit.keywords();
    }

    private List<String> ids(String question, MemoryScope scope) {
        return index.search(question, vector(question), scope, 10).stream()
                .map(hit -> hit.item().id())
                .toList();
    }

    private StoredMemory stored(String id, String text, MemoryScope scope) {
        MemoryItem item = new MemoryItem(id, MemoryKind.FACT, text, scope, source(), 0, 0, 0);
        return new StoredMemory(item, vector(text), T0, false);
    }

    private float[] vector(String text) {
        return embedder.embed(text);
    }

    private static MemorySource source() {
        return new MemorySource("slack/C0INCIDENT/1", null, "alice@example.com", "#inc", T0);
    }

    static float[] randomUnit(Random random, int dims) {
        float[] v = new float[dims];
        for (int j = 0; j < dims; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }
}
