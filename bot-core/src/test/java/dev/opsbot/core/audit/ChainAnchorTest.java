package dev.opsbot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChainAnchorTest {
    private static final String HASH = "3f".repeat(32);

    @Test
    void parsesSeqColonHashAsVerifyPrintsThem() {
        assertThat(ChainAnchor.parse("1200:" + HASH)).isEqualTo(new ChainAnchor(1200, HASH));
        assertThat(ChainAnchor.parse(" 7 : " + HASH.toUpperCase())).isEqualTo(new ChainAnchor(7, HASH));
    }

    @Test
    void badAnchorsAreRefusedSayingTheForm() {
        assertThatThrownBy(() -> ChainAnchor.parse(HASH)).hasMessageContaining("SEQ:HASH");
        assertThatThrownBy(() -> ChainAnchor.parse("x:" + HASH)).hasMessageContaining("SEQ a record number");
        assertThatThrownBy(() -> ChainAnchor.parse("0:" + HASH)).hasMessageContaining("starts at 1");
        assertThatThrownBy(() -> ChainAnchor.parse("5:abc")).hasMessageContaining("64 lowercase hex digits");
    }
}
