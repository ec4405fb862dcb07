package dev.opsbot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashChainTest {
    /** The value {@code printf '%s%s' "$prev" "$event" | sha256sum} prints, as docs/audit.md promises. */
    @Test
    void hashIsSha256OfThePreviousHashAsHexFollowedByTheEvent() {
        assertThat(HashChain.next(HashChain.GENESIS, "{\"actor\":\"alice@example.com\",\"type\":\"x\"}"))
                .isEqualTo("c9024d0feca8774b35d9b2dc9d5dfff4f10e87287f8ab5028e8e52fbe9a9799d");
    }

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void onlySixtyFourLowercaseHexDigitsAreAHash() {
        assertThat(HashChain.isHash("ab".repeat(32))).isTrue();
        assertThat(HashChain.isHash("AB".repeat(32))).isFalse();
        assertThat(HashChain.isHash("ab".repeat(31))).isFalse();
        assertThat(HashChain.isHash("zz".repeat(32))).isFalse();
        assertThat(HashChain.isHash(null)).isFalse();
    }
}
