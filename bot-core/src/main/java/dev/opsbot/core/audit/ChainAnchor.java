package dev.opsbot.core.audit;

/**
 * A record's hash kept outside the database ({@code opsbot audit verify} prints the last one). Whoever can write the
 * database can rewrite the whole chain from a changed record onwards, and it would verify again; it can no longer
 * pass through an anchor kept elsewhere.
 *
 * @param seq the record
 * @param hash its hash, 64 lowercase hex digits
 */
public record ChainAnchor(long seq, String hash) {
    public ChainAnchor {
        if (seq < 1) {
            throw new IllegalArgumentException("an anchor's record number starts at 1, was " + seq);
        }
        if (!HashChain.isHash(hash)) {
            throw new IllegalArgumentException(
                    "an anchor's hash is 64 lowercase hex digits (as opsbot audit verify prints it), was '" + hash
                            + "'");
        }
    }

    /** {@code SEQ:HASH}, as {@code opsbot audit verify --anchor} takes it. */
    public static ChainAnchor parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an anchor is SEQ:HASH (1200:3f9a...), was '" + text + "'");
        }
        long seq;
        try {
            seq = Long.parseLong(text.substring(0, colon).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "an anchor is SEQ:HASH with SEQ a record number, was '" + text.substring(0, colon) + "'");
        }
        return new ChainAnchor(seq, text.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
