package dev.opsbot.db.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.db.DatabaseException;
import org.junit.jupiter.api.Test;

class VectorBytesTest {
    @Test
    void floatsAreFourBytesEachLittleEndian() {
        byte[] bytes = VectorBytes.of("m-1", new float[] {1.0f, -2.0f, 0.5f});

        assertThat(bytes).containsExactly(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0, 0, 0, 0, 0x3f);
    }

    @Test
    void everyFiniteFloatComesBackBitForBit() {
        float[] edges = {-0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-38f};

        float[] back = VectorBytes.read("m-1", VectorBytes.of("m-1", edges));

        assertThat(back).hasSameSizeAs(edges);
        for (int i = 0; i < edges.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i]))
                    .as("dimension %d", i)
                    .isEqualTo(Float.floatToRawIntBits(edges[i]));
        }
    }

    @Test
    void emptyOrNonFiniteVectorIsRefusedNamingTheMemoryAndDimension() {
        assertThatThrownBy(() -> VectorBytes.of("m-7", new float[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m-7");
        assertThatThrownBy(() -> VectorBytes.of("m-7", new float[] {0f, Float.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m-7")
                .hasMessageContaining("dimension 1");
    }

    @Test
    void bytesThatAreNoWholeNumberOfFloatsAreAnError() {
        assertThatThrownBy(() -> VectorBytes.read("m-7", new byte[6]))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("m-7")
                .hasMessageContaining("6 bytes");
        assertThatThrownBy(() -> VectorBytes.read("m-7", new byte[0])).isInstanceOf(DatabaseException.class);
    }
}
