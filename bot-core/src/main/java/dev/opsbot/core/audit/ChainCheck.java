package dev.opsbot.core.audit;

/** What verifying the audit log's hash chain found. */
public sealed interface ChainCheck {
    /** One sentence for a person: what {@code opsbot audit verify} prints. */
    String describe();

    /**
     * Every record chains to the one before it and matches its hash.
     *
     * @param events the records covered by the chain
     * @param unchained the records before the chain existed (written by opsbot before the chain was added)
     * @param lastSeq the last record, {@code 0} when there is none
     * @param lastHash its hash ({@link HashChain#GENESIS} when no record is chained): keep it elsewhere as a
     *     {@link ChainAnchor}
     */
    record Intact(long events, long unchained, long lastSeq, String lastHash) implements ChainCheck {
        @Override
        public String describe() {
            String head = events == 0
                    ? "audit log intact: 0 events, last hash " + lastHash + " (the chain's start)"
                    : "audit log intact: " + events + " events, last hash " + lastHash + " (record " + lastSeq + ")";
            return unchained == 0
                    ? head
                    : head + "; the first " + unchained + " records were written before the chain existed and are"
                            + " not covered by it";
        }
    }

    /**
     * The first record that does not fit.
     *
     * @param seq that record (or, for a deleted one, the number it had)
     * @param reason why, in a sentence
     */
    record Broken(long seq, String reason) implements ChainCheck {
        @Override
        public String describe() {
            return "audit log broken at record " + seq + ": " + reason;
        }
    }
}
