package dev.opsbot.memory.embedding;

/** Text to a vector whose cosine with another says how alike their meanings are. */
public interface Embedder {
    /** The vector of {@code text}, L2-normalised (length 1), {@link #dimensions()} long. */
    float[] embed(String text);

    int dimensions();
}
