package dev.opsbot.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MemoryIndex#searchPreferring}: the asked service moves memories up and down but leaves none out. */
class MemoryIndexPreferenceTest {
    private static final String TEAM = "runbooks";
    private static final int DIMENSIONS = 8;
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MemoryIndex index = new MemoryIndex(DIMENSIONS);

    @BeforeEach
    void fiveMemoriesEquallyLikeTheQuestion() {
        put("m-00000a", "alpha", "checkout", 1);
        put("m-00000b", "beta", "payments", 2);
        put("m-00000c", "gamma, see payments", null, 3);
        put("m-00000d", "delta", null, 4);
    }

    @Test
    void thePreferredServiceGainsAndOthersLoseButStayInTheResult() {
        Map<String, Double> terms = serviceTerms(index.searchPreferring("what now?", basis(0), TEAM, "checkout", 10));

        assertThat(terms).as("nothing left out").containsOnlyKeys("m-00000a", "m-00000b", "m-00000c", "m-00000d");
        assertThat(terms.get("m-00000a")).isCloseTo(Weights.DEFAULT.serviceMatch(), within(1e-4));
        assertThat(terms.get("m-00000b")).isCloseTo(-Weights.DEFAULT.otherService(), within(1e-4));
        assertThat(terms.get("m-00000c"))
                .as("team-wide but names payments: about payments")
                .isCloseTo(-Weights.DEFAULT.otherService(), within(1e-4));
        assertThat(terms.get("m-00000d")).as("a team-wide rule").isCloseTo(0, within(1e-4));
    }

    @Test
    void aPreferredServiceNoMemoryIsAboutLowersTheOtherServicesOnly() {
        Map<String, Double> terms = serviceTerms(index.searchPreferring("what now?", basis(0), TEAM, "search", 10));

        assertThat(terms.get("m-00000a")).isCloseTo(-Weights.DEFAULT.otherService(), within(1e-4));
        assertThat(terms.get("m-00000b")).isCloseTo(-Weights.DEFAULT.otherService(), within(1e-4));
        assertThat(terms.get("m-00000d")).isCloseTo(0, within(1e-4));
    }

    @Test
    void withoutAPreferenceTheServicesTheQuestionNamesCountAsInSearch() {
        List<MemoryHit> preferring = index.searchPreferring("is payments down?", basis(0), TEAM, null, 10);
        List<MemoryHit> searched = index.search("is payments down?", basis(0), MemoryScope.team(TEAM), 10);

        assertThat(preferring).isEqualTo(searched);
        assertThat(serviceTerms(preferring).get("m-00000b")).isCloseTo(Weights.DEFAULT.serviceMatch(), within(1e-4));
        assertThat(serviceTerms(index.searchPreferring("what now?", basis(0), TEAM, null, 10))
                        .values())
                .allSatisfy(term -> assertThat(term).isCloseTo(0, within(1e-4)));
    }

    /** A memory whose vector is halfway between basis vector 0 (the question's) and basis vector {@code axis}. */
    private void put(String id, String text, String service, int axis) {
        float[] vector = basis(0);
        vector[axis] = 1;
        MemorySource source = new MemorySource("runbook/x.md", null, "runbook", null, T0);
        MemoryItem item =
                new MemoryItem(id, MemoryKind.RUNBOOK, text, new MemoryScope(TEAM, service, null), source, 0, 0, 0);
        index.upsert(new StoredMemory(item, vector, T0, false));
    }

    private static float[] basis(int axis) {
        float[] vector = new float[DIMENSIONS];
        vector[axis] = 1;
        return vector;
    }

    private static Map<String, Double> serviceTerms(List<MemoryHit> hits) {
        return hits.stream()
                .collect(Collectors.toMap(
                        hit -> hit.item().id(),
                        hit -> hit.score()
                                - Weights.DEFAULT.similarity() * hit.similarity()
                                - Weights.DEFAULT.keywords() * hit.keywords()));
    }
}
