package dev.opsbot.memory.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.memory.embedding.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedVectorsTest {
    @Test
    void cosinesStayWithinAFewThousandthsOfTheExactOnes() {
        Random random = new Random(1);
        for (int dims : new int[] {384, 13}) {
            QuantizedVectors vectors = new QuantizedVectors(dims, 1);
            vectors.grow(200);
            float[][] rows = new float[200][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = unit(random, dims);
                vectors.set(r, rows[r]);
            }
            float[] query = unit(random, dims);
            float[] out = new float[rows.length];
            vectors.scan(query, java.util.stream.IntStream.range(0, rows.length).toArray(), 0, rows.length, out);
            for (int r = 0; r < rows.length; r++) {
                assertThat((double) out[r]).isCloseTo(Vectors.cosine(query, rows[r]), within(0.005));
            }
        }
    }

    @Test
    void onlyTheListedRowsAreComputedAndAZeroVectorScoresZero() {
        QuantizedVectors vectors = new QuantizedVectors(4, 4);
        vectors.set(0, new float[] {1, 0, 0, 0});
        vectors.set(1, new float[] {0, 0, 0, 0});
        vectors.set(2, new float[] {0, 1, 0, 0});
        vectors.set(3, new float[] {0.6f, 0.8f, 0, 0});
        float[] out = {-9, -9, -9, -9};

        vectors.scan(new float[] {1, 0, 0, 0}, new int[] {7, 0, 1, 3, 7}, 1, 4, out);

        assertThat(out[0]).isCloseTo(1f, within(0.001f));
        assertThat(out[1]).isZero();
        assertThat(out[2]).as("not listed").isEqualTo(-9);
        assertThat(out[3]).isCloseTo(0.6f, within(0.01f));
    }

    @Test
    void growingKeepsTheRows() {
        QuantizedVectors vectors = new QuantizedVectors(2, 1);
        vectors.set(0, new float[] {0.6f, 0.8f});
        vectors.grow(10);
        float[] out = new float[1];

        vectors.scan(new float[] {0.6f, 0.8f}, new int[] {0}, 0, 1, out);

        assertThat(vectors.capacity()).isEqualTo(10);
        assertThat(out[0]).isCloseTo(1f, within(0.01f));
        assertThatThrownBy(() -> new QuantizedVectors(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        for (int j = 0; j < dims; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }
}
