package dev.opsbot.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Checks the audit log's records one at a time, in {@code seq} order, holding only the last one's number and hash:
 * a log of any size is verified in constant memory while it streams past. Feed it every record from the first,
 * then ask {@link #result()}. After the first broken record it ignores the rest ({@link #isBroken()} lets a reader
 * stop early).
 *
 * <p>A record fits when its number follows the previous one's, its {@code prev_hash} is the previous record's
 * hash (64 zeros for the first), its hash is {@code SHA-256(prev_hash || event)}, the columns copied out of the
 * event agree with it, and it matches every {@link ChainAnchor} for its number. Records without hashes are accepted
 * only at the start and only as far as {@code unchainedThrough}: the records that existed before the chain did.
 */
public final class ChainVerifier implements Consumer<AuditRecord> {
    // storage keeps microseconds: PostgreSQL rounds, H2 may truncate
    private static final Duration COLUMN_PRECISION = Duration.ofNanos(1_000);
    private static final HexFormat HEX = HexFormat.of();

    private final long unchainedThrough;
    private final TreeMap<Long, String> anchors = new TreeMap<>();
    private final MessageDigest sha256 = HashChain.sha256();
    private long events;
    private long unchained;
    private long lastSeq;
    private boolean seenAny;
    private boolean chainStarted;
    private String lastHash = HashChain.GENESIS;
    private ChainCheck.Broken broken;

    /**
     * @param unchainedThrough the last record written before the chain existed, {@code 0} when none was
     * @param anchors hashes kept elsewhere that the chain must still pass through
     */
    public ChainVerifier(long unchainedThrough, Collection<ChainAnchor> anchors) {
        this.unchainedThrough = unchainedThrough;
        for (ChainAnchor anchor : anchors) {
            String earlier = this.anchors.put(anchor.seq(), anchor.hash());
            if (earlier != null && !earlier.equals(anchor.hash())) {
                throw new IllegalArgumentException(
                        "two anchors name record " + anchor.seq() + " with different hashes");
            }
        }
    }

    /** For a log that was chained from its first record, without anchors. */
    public ChainVerifier() {
        this(0, List.of());
    }

    @Override
    public void accept(AuditRecord record) {
        if (broken != null) {
            return;
        }
        broken = check(Objects.requireNonNull(record, "record"));
        if (broken == null) {
            seenAny = true;
            lastSeq = record.seq();
            if (!record.unchained()) {
                chainStarted = true;
                lastHash = record.hash();
                events++;
            } else {
                unchained++;
            }
        }
    }

    public boolean isBroken() {
        return broken != null;
    }

    /** The outcome for the records seen so far, as if the log ended with the last of them. */
    public ChainCheck result() {
        if (broken != null) {
            return broken;
        }
        if (!anchors.isEmpty()) {
            Map.Entry<Long, String> missed = anchors.firstEntry();
            String end = seenAny ? "the log ends at record " + lastSeq : "the log is empty";
            String why = missed.getKey() > lastSeq ? "records were deleted from its end" : "it was deleted";
            return new ChainCheck.Broken(
                    missed.getKey(), "it was kept as an anchor, but it is not in the log (" + end + "): " + why);
        }
        return new ChainCheck.Intact(events, unchained, lastSeq, lastHash);
    }

    private ChainCheck.Broken check(AuditRecord record) {
        long seq = record.seq();
        if (seenAny && seq <= lastSeq) {
            return broken(seq, "it came after record " + lastSeq + " although its number is not higher");
        }
        if (record.unchained()) {
            return checkUnchained(record);
        }
        ChainCheck.Broken missing = missingBefore(seq);
        if (missing != null) {
            return missing;
        }
        // a malformed value fails the comparisons below; only a missing one needs saying here
        if (record.prevHash() == null || record.hash() == null) {
            return broken(
                    seq,
                    "it has a " + (record.hash() == null ? "prev_hash but no hash" : "hash but no prev_hash")
                            + ": the row was changed after it was recorded");
        }
        if (!record.prevHash().equals(lastHash)) {
            return broken(seq, wrongPrev());
        }
        if (!hashOf(record).equals(record.hash())) {
            return broken(
                    seq,
                    "its hash does not match its contents: its event, prev_hash or hash was changed after it was"
                            + " recorded");
        }
        ChainCheck.Broken columns = checkColumns(record);
        return columns != null ? columns : checkAnchor(record);
    }

    private ChainCheck.Broken checkUnchained(AuditRecord record) {
        if (chainStarted) {
            return broken(
                    record.seq(),
                    "it has no hash although record " + lastSeq + " before it has one: it was inserted around"
                            + " opsbot, or its hashes were removed");
        }
        if (record.seq() > unchainedThrough) {
            String before = unchainedThrough == 0
                    ? "every record of this log was written with the chain"
                    : "only the records up to " + unchainedThrough + " were written before the chain existed";
            return broken(
                    record.seq(),
                    "it has no hash, but " + before + ": its hashes were removed, or it was inserted around opsbot");
        }
        return checkAnchor(record);
    }

    /**
     * Numbers are handed out one by one under the append lock, so a gap is a deletion. Only at the very start is
     * the first number unknown: records written before the chain kept whatever their identity column gave them.
     */
    private ChainCheck.Broken missingBefore(long seq) {
        long expected = seenAny ? lastSeq + 1 : 1;
        if (seq == expected) {
            return null;
        }
        String range =
                seq - expected == 1 ? "it is missing" : "records " + expected + " to " + (seq - 1) + " are missing";
        String around = seenAny
                ? "the log goes from record " + lastSeq + " to record " + seq
                : "the log starts at record " + seq;
        return broken(
                expected,
                range + " (" + around + "), so " + (seq - expected == 1 ? "it was" : "they were") + " deleted");
    }

    private String wrongPrev() {
        if (!chainStarted) {
            return "it is the first record of the chain, but its prev_hash is not the chain's start (64 zeros): the"
                    + " records before it were deleted, or it was inserted";
        }
        return "its prev_hash is not the hash of record " + lastSeq + " before it: a record was deleted, inserted"
                + " or moved here";
    }

    private ChainCheck.Broken checkColumns(AuditRecord record) {
        CanonicalJson.Header header;
        try {
            header = CanonicalJson.header(record.event());
        } catch (IllegalArgumentException e) {
            return broken(record.seq(), "its event is not a JSON object (" + e.getMessage() + ")");
        }
        if (!record.kind().equals(header.type())) {
            return differs(record.seq(), "kind", record.kind(), header.type());
        }
        if (!record.actor().equals(header.actor())) {
            return differs(record.seq(), "actor", record.actor(), header.actor());
        }
        Instant at = CanonicalInstants.parse(header.at());
        if (at == null || Duration.between(at, record.at()).abs().compareTo(COLUMN_PRECISION) >= 0) {
            return differs(record.seq(), "at", record.at().toString(), header.at());
        }
        return null;
    }

    private ChainCheck.Broken checkAnchor(AuditRecord record) {
        String anchored = anchors.remove(record.seq());
        if (anchored == null || anchored.equals(record.hash())) {
            return null;
        }
        String actual = record.hash() == null ? "has no hash" : "has hash " + record.hash();
        return broken(
                record.seq(),
                "it " + actual + ", not the " + anchored + " kept as its anchor: the chain was rewritten from this"
                        + " record or one before it");
    }

    private String hashOf(AuditRecord record) {
        sha256.update(record.prevHash().getBytes(StandardCharsets.UTF_8));
        sha256.update(record.event().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest());
    }

    private static ChainCheck.Broken differs(long seq, String column, String stored, String hashed) {
        return broken(
                seq,
                "its " + column + " column says '" + stored + "' but its hashed event says '" + hashed
                        + "': the row was changed after it was recorded");
    }

    private static ChainCheck.Broken broken(long seq, String reason) {
        return new ChainCheck.Broken(seq, reason);
    }
}
