package dev.opsbot.bench.internal;

import dev.opsbot.memory.embedding.Embedder;

/** An embedder that remembers how long its last call on this thread took, to split a recall into its parts. */
public final class TimedEmbedder implements Embedder {
    private final Embedder embedder;
    private final ThreadLocal<long[]> lastNanos = ThreadLocal.withInitial(() -> new long[1]);

    public TimedEmbedder(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public float[] embed(String text) {
        long start = System.nanoTime();
        try {
            return embedder.embed(text);
        } finally {
            lastNanos.get()[0] = System.nanoTime() - start;
        }
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    public long lastNanos() {
        return lastNanos.get()[0];
    }
}
