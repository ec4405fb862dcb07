package dev.opsbot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the contract suite cannot reach through a store: records handed over in a wrong order, bad anchors. */
class ChainVerifierTest {
    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        AuditRecord previous = null;
        for (int i = 0; i < length; i++) {
            previous = AuditRecord.chainedAfter(
                    previous, new AuditEvent.QuestionAsked(AuditEventExamples.AT, "a" + i, null, "q" + i));
            records.add(previous);
        }
        return records;
    }

    @Test
    void everyEventTypeChainsAndVerifies() {
        ChainVerifier verifier = new ChainVerifier();
        AuditRecord previous = null;
        for (AuditEvent event : AuditEventExamples.everyType()) {
            previous = AuditRecord.chainedAfter(previous, event);
            verifier.accept(previous);
        }

        assertThat(verifier.result())
                .isEqualTo(new ChainCheck.Intact(
                        AuditEventExamples.everyType().size(), 0, previous.seq(), previous.hash()));
    }

    @Test
    void recordHandedOverOutOfOrderIsBroken() {
        List<AuditRecord> records = chain(3);
        ChainVerifier verifier = new ChainVerifier();

        verifier.accept(records.get(0));
        verifier.accept(records.get(1));
        verifier.accept(records.get(0));

        assertThat(verifier.result())
                .isEqualTo(new ChainCheck.Broken(1, "it came after record 2 although its number is not higher"));
    }

    @Test
    void recordsAfterTheFirstBreakAreIgnored() {
        List<AuditRecord> records = chain(4);
        ChainVerifier verifier = new ChainVerifier();

        verifier.accept(records.get(0));
        verifier.accept(records.get(2));
        verifier.accept(records.get(3));

        assertThat(verifier.isBroken()).isTrue();
        assertThat(((ChainCheck.Broken) verifier.result()).seq()).isEqualTo(2);
    }

    @Test
    void recordWithOnlyOneOfItsHashesIsBroken() {
        AuditRecord first = chain(1).getFirst();
        ChainVerifier verifier = new ChainVerifier();

        verifier.accept(new AuditRecord(
                first.seq(), first.at(), first.kind(), first.actor(), first.event(), first.prevHash(), null));

        assertThat(verifier.result())
                .isEqualTo(new ChainCheck.Broken(
                        1, "it has a prev_hash but no hash: the row was changed after it was recorded"));
    }

    @Test
    void malformedHashIsBrokenAsAMismatch() {
        AuditRecord first = chain(1).getFirst();
        ChainVerifier verifier = new ChainVerifier();

        verifier.accept(new AuditRecord(
                first.seq(), first.at(), first.kind(), first.actor(), first.event(), first.prevHash(), "xyz"));

        assertThat(((ChainCheck.Broken) verifier.result()).reason()).startsWith("its hash does not match its contents");
    }

    @Test
    void anchorOnAnEmptyLogSaysTheLogIsEmpty() {
        ChainVerifier verifier = new ChainVerifier(0, List.of(new ChainAnchor(1, HashChain.GENESIS)));

        assertThat(verifier.result().describe())
                .isEqualTo("audit log broken at record 1: it was kept as an anchor, but it is not in the log (the log"
                        + " is empty): records were deleted from its end");
    }

    @Test
    void twoAnchorsForOneRecordWithDifferentHashesAreRefused() {
        assertThatThrownBy(() -> new ChainVerifier(
                        0, List.of(new ChainAnchor(3, "ab".repeat(32)), new ChainAnchor(3, "cd".repeat(32)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two anchors name record 3 with different hashes");
    }

    @Test
    void emptyLogIsIntactAtTheChainsStart() {
        assertThat(new ChainVerifier().result().describe())
                .isEqualTo("audit log intact: 0 events, last hash " + HashChain.GENESIS + " (the chain's start)");
    }
}
