package dev.opsbot.core.memory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A memory as the store holds it: the item, its embedding, and when it last changed. A forgotten memory comes back
 * from {@link MemoryStore#changedSince} once more, with {@code forgotten} set, so every replica's index drops it.
 */
public record StoredMemory(MemoryItem item, float[] vector, Instant changedAt, boolean forgotten) {
    public StoredMemory {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredMemory that
                && item.equals(that.item)
                && Arrays.equals(vector, that.vector)
                && changedAt.equals(that.changedAt)
                && forgotten == that.forgotten;
    }

    @Override
    public int hashCode() {
        return Objects.hash(item, Arrays.hashCode(vector), changedAt, forgotten);
    }

    @Override
    public String toString() {
        return "StoredMemory[" + item + ", " + vector.length + " dims, " + changedAt + (forgotten ? ", forgotten" : "")
                + "]";
    }
}
