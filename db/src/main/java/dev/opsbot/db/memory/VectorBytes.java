package dev.opsbot.db.memory;

import dev.opsbot.db.DatabaseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Embeddings as column {@code memory_item.vector} holds them: float32 values, little-endian, 4 bytes each. No number
 * of dimensions is fixed: the model decides it, and another model needs no migration.
 */
final class VectorBytes {
    private VectorBytes() {}

    /** @throws IllegalArgumentException for an empty vector or one with NaN or an infinity, named by {@code id} */
    static byte[] of(String id, float[] vector) {
        if (vector.length == 0) {
            throw new IllegalArgumentException("memory " + id + " needs a vector with at least one dimension");
        }
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                // one NaN makes every similarity with this memory NaN, and it would never be recalled
                throw new IllegalArgumentException(
                        "memory " + id + "'s vector has " + vector[i] + " at dimension " + i);
            }
            bytes.putFloat(vector[i]);
        }
        return bytes.array();
    }

    /** @throws DatabaseException when the column holds no whole number of floats (not something this class wrote) */
    static float[] read(String id, byte[] bytes) {
        if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
            throw new DatabaseException(
                    "memory " + id + "'s vector is " + bytes.length + " bytes, not a whole number of 4-byte floats",
                    false,
                    null);
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
