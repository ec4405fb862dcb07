package dev.opsbot.memory.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model, for real (it runs on langchain4j-core 1.19.0 although it asks for 1.20.0). */
class MiniLmEmbedderTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @Test
    void vectorsHave384DimensionsAndLengthOne() {
        float[] vector = embedder.embed("checkout is OOMKilled below 512Mi");

        assertThat(vector).hasSize(384);
        assertThat(embedder.dimensions()).isEqualTo(384);
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void itsSingleThreadedSessionGivesLangChain4jsVectors() {
        String text = "gateway returns 504 after 30 seconds because of the envoy upstream timeout";
        float[] stock =
                new AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content().vector();

        assertThat(Vectors.cosine(embedder.embed(text), stock)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedSentence() {
        float[] memory = embedder.embed("checkout is OOMKilled when its memory limit is below 512Mi");
        float[] paraphrase = embedder.embed("why does the checkout pod keep restarting with exit code 137?");
        float[] unrelated = embedder.embed("how do I rotate the payments database password?");

        assertThat(Vectors.cosine(memory, paraphrase)).isGreaterThan(Vectors.cosine(memory, unrelated) + 0.2);
    }

    @Test
    void theSameTextGivesTheSameVectorOnManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of("kafka broker disk full", "redis eviction policy", "gateway 504 after 30 s");
        List<float[]> expected = texts.stream().map(embedder::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String text = texts.get(i % texts.size());
                results.add(pool.submit(() -> embedder.embed(text)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).containsExactly(expected.get(i % texts.size()), within(1e-6f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheFirst128WordPiecesCount() {
        String head = "the quick brown fox jumps over the lazy dog. ".repeat(14); // ~140 word pieces
        float[] cut = embedder.embed(head);
        float[] withTail = embedder.embed(head + "kafka consumer lag and redis eviction in payments");
        float[] shortHead =
                "the quick brown fox jumps over the lazy dog. ".repeat(4).transform(embedder::embed);
        float[] shortWithTail = embedder.embed(
                "the quick brown fox jumps over the lazy dog. ".repeat(4) + "kafka consumer lag and redis eviction");

        assertThat(Vectors.cosine(cut, withTail)).as("past the cut: ignored").isCloseTo(1.0, within(1e-5));
        assertThat(Vectors.cosine(shortHead, shortWithTail))
                .as("before the cut: counts")
                .isLessThan(0.95);
    }

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(() -> embedder.embed(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
