package dev.opsbot.memory.testing;

import dev.opsbot.memory.embedding.Embedder;
import dev.opsbot.memory.embedding.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for MiniLM: each word adds 1 to a dimension chosen by its hash, so texts sharing words are close. Fast
 * and predictable; remembers every text it was given.
 */
public final class WordEmbedder implements Embedder {
    public static final int DIMENSIONS = 64;
    private final List<String> texts = new ArrayList<>();

    @Override
    public synchronized float[] embed(String text) {
        texts.add(text);
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        return Vectors.normalised(vector);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    public synchronized List<String> texts() {
        return List.copyOf(texts);
    }
}
