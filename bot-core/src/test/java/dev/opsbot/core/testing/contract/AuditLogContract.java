package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationGranted;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.ChainAnchor;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.audit.HashChain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} promises: events come back as recorded, in order, and every record is chained to the
 * one before it so that tampering with the storage shows in {@link AuditLog#verify()}. The tamper tests change the
 * storage through {@link #tampering()}, as someone with write access to the database could.
 */
public abstract class AuditLogContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    private static final int WRITERS = 8;

    protected AuditLog audit;

    /** A new log over empty storage. */
    protected abstract AuditLog newLog();

    /**
     * Changes to the storage behind {@link #audit}'s back: plain SQL for a database, the fake's own methods for a
     * fake. Each says what a statement would do; none goes through the log.
     */
    protected abstract Tampering tampering();

    /** What someone with write access to the storage can do to the records. */
    public interface Tampering {
        /** Rewrites every column of the record but its number ({@code UPDATE ... WHERE seq = ?}). */
        void update(long seq, UnaryOperator<AuditRecord> change);

        /** {@code UPDATE ... SET seq = to WHERE seq = from}. */
        void renumber(long from, long to);

        /** {@code DELETE ... WHERE seq = ?}. */
        void delete(long seq);

        /** {@code INSERT} of a record made by hand, its number included. */
        void insert(AuditRecord forged);

        /** What the migration that added the chain found: records up to {@code seq} existed before it. */
        void writtenBeforeTheChainThrough(long seq);
    }

    /** A second log over the same storage, as another replica sees it; fakes return it unchanged. */
    protected AuditLog anotherReplicaOf(AuditLog log) {
        return log;
    }

    @BeforeEach
    void freshLog() {
        audit = newLog();
    }

    @Test
    void grantedWriteElevationComesBackWithEveryField() {
        ElevationGranted granted = new ElevationGranted(
                Instant.parse("2026-03-10T02:41:07.123456789Z"),
                "alice@example.com",
                Mode.WRITE,
                "production",
                "arn:aws:iam::111111111111:role/opsbot-write-oncall",
                "opsbot-alice-p-42",
                Instant.parse("2026-03-10T02:56:07Z"),
                "slack/C-incident/1710037800.000100",
                "bob@example.com",
                "p-42",
                List.of("kubernetes.rollback Deployment/shop/checkout", "eks:DescribeCluster"),
                List.of("oncall-deployers", "oncall"));

        audit.record(granted);

        assertThat(audit.since(T0, 10)).extracting(AuditEntry::event).containsExactly(granted);
    }

    @Test
    void grantedReadElevationWithoutApproverOrProposalComesBackEqual() {
        ElevationGranted granted = new ElevationGranted(
                T0,
                "carol@example.com",
                Mode.READ,
                "staging",
                "arn:aws:iam::222222222222:role/opsbot-read-dev",
                "opsbot-carol-read",
                T0.plusSeconds(900),
                "console/C-ops/t-1",
                null,
                null,
                null,
                List.of("devs"));

        audit.record(granted);

        assertThat(audit.since(T0, 10)).extracting(AuditEntry::event).containsExactly(granted);
    }

    @Test
    void refusedElevationComesBackWithEveryField() {
        ElevationRefused refused = new ElevationRefused(
                Instant.parse("2026-03-10T02:42:00.5Z"),
                "carol@example.com",
                Mode.WRITE,
                "production",
                "arn:aws:iam::111111111111:role/opsbot-write-oncall",
                "slack/C-incident/1710037800.000100",
                "p-43",
                "STS refused AssumeRole: AccessDenied (\"not authorized\")");

        audit.record(refused);

        assertThat(audit.since(T0, 10)).extracting(AuditEntry::event).containsExactly(refused);
    }

    @Test
    void refusalWithoutRoleOrProposalComesBackEqual() {
        ElevationRefused refused =
                new ElevationRefused(T0, "dave@example.com", Mode.READ, "production", null, null, null, "no read role");

        audit.record(refused);

        assertThat(audit.since(T0, 10)).extracting(AuditEntry::event).containsExactly(refused);
    }

    @Test
    void emptyLogHasNoEntries() {
        assertThat(audit.since(Instant.EPOCH, 10)).isEmpty();
    }

    @Test
    void entriesComeBackInRecordingOrderWithIncreasingSequencesWhateverTheirTimes() {
        List<AuditEvent> recorded = List.of(granted("late", 120), refused("early", 0), granted("middle", 60));
        recorded.forEach(audit::record);

        List<AuditEntry> entries = audit.since(T0, 10);

        assertThat(entries).extracting(AuditEntry::event).containsExactlyElementsOf(recorded);
        assertThat(entries).extracting(AuditEntry::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void sinceKeepsEntriesAtOrAfterTheTime() {
        audit.record(granted("before", 0));
        audit.record(refused("at", 60));
        audit.record(granted("after", 120));

        assertThat(actors(audit.since(T0.plusSeconds(60), 10))).containsExactly("at", "after");
        assertThat(audit.since(T0.plusSeconds(121), 10)).isEmpty();
    }

    @Test
    void sinceReturnsAtMostTheLimitOldestFirst() {
        IntStream.range(0, 5).forEach(i -> audit.record(granted("a" + i, i)));

        assertThat(actors(audit.since(T0, 3))).containsExactly("a0", "a1", "a2");
        assertThat(audit.since(T0, 0)).isEmpty();
    }

    @Test
    void limitCountsOnlyEntriesAtOrAfterTheTime() {
        IntStream.range(0, 5).forEach(i -> audit.record(granted("a" + i, i * 60)));

        assertThat(actors(audit.since(T0.plusSeconds(120), 2))).containsExactly("a2", "a3");
    }

    @Test
    void racingRecordsFromEightThreadsAreAllKeptWithDistinctIncreasingSequences() {
        List<AuditLog> replicas = List.of(audit, anotherReplicaOf(audit));

        List<List<AuditEvent>> recordedByWriter = Race.of(WRITERS, writer -> {
            List<AuditEvent> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                AuditEvent event = i % 3 == 0 ? refused("w" + writer + "-" + i, i) : granted("w" + writer + "-" + i, i);
                replicas.get(writer % 2).record(event);
                mine.add(event);
            }
            return mine;
        });

        List<AuditEntry> entries = audit.since(T0, 1_000);
        assertThat(entries).hasSize(WRITERS * 10);
        assertThat(entries).extracting(AuditEntry::sequence).isSorted().doesNotHaveDuplicates();
        List<AuditEvent> inLog = entries.stream().map(AuditEntry::event).toList();
        recordedByWriter.forEach(mine -> assertThat(inLog).containsSubsequence(mine));
    }

    /**
     * Sequences must follow the order entries become visible, not only the order they were handed out: a reader
     * tailing the log (export, the hash chain) that has seen an entry must already see every entry before it.
     */
    @Test
    void aReaderWhileEightWritersRaceNeverSeesAnEntryBeforeAllEarlierOnes() {
        List<AuditLog> replicas = List.of(audit, anotherReplicaOf(audit));
        AtomicInteger writersDone = new AtomicInteger();

        List<List<List<Long>>> seenByRacer = Race.of(WRITERS + 1, racer -> {
            if (racer == WRITERS) {
                return readUntilDone(replicas.get(1), writersDone);
            }
            for (int i = 0; i < 20; i++) {
                replicas.get(racer % 2).record(granted("w" + racer + "-" + i, i));
            }
            writersDone.incrementAndGet();
            return List.of();
        });

        List<Long> all = sequences(audit.since(T0, 1_000));
        assertThat(all).hasSize(WRITERS * 20);
        assertThat(seenByRacer.get(WRITERS)).allSatisfy(snapshot -> assertThat(all.subList(0, snapshot.size()))
                .isEqualTo(snapshot));
    }

    @Test
    void firstRecordChainsFromSixtyFourZeros() {
        audit.record(granted("alice", 0));

        AuditRecord first = records().getFirst();

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64)).isEqualTo(HashChain.GENESIS);
        assertThat(first.hash()).isEqualTo(sha256Hex(first.prevHash() + first.event()));
    }

    @Test
    void eachRecordHashesThePreviousHashFollowedByItsCanonicalEvent() {
        List<AuditEvent> recorded = List.of(granted("a", 0), refused("b", 1), granted("c", 2));
        recorded.forEach(audit::record);

        List<AuditRecord> records = records();

        assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        for (int i = 0; i < records.size(); i++) {
            AuditRecord record = records.get(i);
            String prev = i == 0 ? HashChain.GENESIS : records.get(i - 1).hash();
            assertThat(record.event()).isEqualTo(CanonicalJson.of(recorded.get(i)));
            assertThat(record.prevHash()).isEqualTo(prev);
            assertThat(record.hash()).isEqualTo(sha256Hex(prev + record.event()));
        }
    }

    @Test
    void recordCopiesTimeKindAndActorOutOfItsEvent() {
        ElevationGranted granted = new ElevationGranted(
                Instant.parse("2026-03-10T02:41:07.123456789Z"),
                "alice@example.com",
                Mode.READ,
                "production",
                null,
                "opsbot-alice",
                T0.plusSeconds(900),
                null,
                null,
                null,
                List.of(),
                List.of());

        audit.record(granted);

        AuditRecord record = records().getFirst();
        assertThat(record.kind()).isEqualTo("elevation_granted");
        assertThat(record.actor()).isEqualTo("alice@example.com");
        // storage keeps microseconds; the hashed event keeps every digit
        assertThat(Duration.between(granted.at(), record.at()).abs()).isLessThan(Duration.ofNanos(1_000));
        assertThat(record.event()).contains("\"at\":\"2026-03-10T02:41:07.123456789Z\"");
        assertThat(CanonicalJson.read(record.event())).isEqualTo(granted);
    }

    @Test
    void emptyLogVerifiesIntactAtTheChainsStart() {
        assertThat(audit.verify()).isEqualTo(new ChainCheck.Intact(0, 0, 0, HashChain.GENESIS));
    }

    @Test
    void recordedLogVerifiesIntactNamingItsLastRecordAndHash() {
        recordFive();

        ChainCheck check = audit.verify();

        assertThat(check).isEqualTo(new ChainCheck.Intact(5, 0, 5, record(5).hash()));
        assertThat(check.describe())
                .isEqualTo("audit log intact: 5 events, last hash " + record(5).hash() + " (record 5)");
    }

    @Test
    void chainWrittenByEightRacingWritersOnTwoReplicasVerifies() {
        List<AuditLog> replicas = List.of(audit, anotherReplicaOf(audit));

        Race.of(WRITERS, writer -> {
            for (int i = 0; i < 25; i++) {
                replicas.get(writer % 2).record(granted("w" + writer + "-" + i, i));
            }
            return null;
        });

        ChainCheck check = audit.verify();
        assertThat(check).isInstanceOf(ChainCheck.Intact.class);
        assertThat(((ChainCheck.Intact) check).events()).isEqualTo(WRITERS * 25);
        assertThat(anotherReplicaOf(audit).verify()).isEqualTo(check);
    }

    @Test
    void scanHandsOverRecordsFromTheGivenNumberOnInOrder() {
        recordFive();

        List<AuditRecord> scanned = new ArrayList<>();
        audit.scan(3, scanned::add);

        assertThat(scanned).extracting(AuditRecord::seq).containsExactly(3L, 4L, 5L);
        assertThat(scanned).extracting(AuditRecord::actor).containsExactly("w2", "w3", "w4");
    }

    @Test
    void scanSinceKeepsRecordsAtOrAfterTheTimeInRecordingOrder() {
        audit.record(granted("late", 120));
        audit.record(refused("early", 0));
        audit.record(granted("middle", 60));

        List<AuditRecord> scanned = new ArrayList<>();
        audit.scanSince(T0.plusSeconds(60), scanned::add);

        assertThat(scanned).extracting(AuditRecord::actor).containsExactly("late", "middle");
        assertThat(scanned).extracting(AuditRecord::seq).containsExactly(1L, 3L);
    }

    /** A newer opsbot may record event types this one does not know: the chain still verifies. */
    @Test
    void recordThisVersionCannotReadStillVerifies() {
        recordFive();
        String unknown =
                "{\"actor\":\"bob@example.com\",\"at\":\"2026-03-10T02:50:00Z\",\"type\":\"proposal_executed\"}";
        tampering()
                .insert(new AuditRecord(
                        6,
                        Instant.parse("2026-03-10T02:50:00Z"),
                        "proposal_executed",
                        "bob@example.com",
                        unknown,
                        record(5).hash(),
                        HashChain.next(record(5).hash(), unknown)));

        assertThat(audit.verify()).isInstanceOf(ChainCheck.Intact.class);
    }

    @Test
    void changedEventIsCaughtAtItsRecord() {
        recordFive();

        tampering().update(3, r -> withEvent(r, r.event().replace("opsbot-w2", "opsbot-mallory")));

        assertBrokenAt(3, "its hash does not match its contents");
    }

    @Test
    void changedHashIsCaughtAtItsRecord() {
        recordFive();

        tampering().update(3, r -> withHashes(r, r.prevHash(), HashChain.next(r.prevHash(), "something else")));

        assertBrokenAt(3, "its hash does not match its contents");
    }

    @Test
    void changedEventWithItsHashRecomputedIsCaughtAtTheNextRecord() {
        recordFive();

        tampering().update(3, r -> {
            String event = r.event().replace("opsbot-w2", "opsbot-mallory");
            return withHashes(withEvent(r, event), r.prevHash(), HashChain.next(r.prevHash(), event));
        });

        assertBrokenAt(4, "its prev_hash is not the hash of record 3 before it");
    }

    @Test
    void changedActorColumnOutsideTheHashIsCaught() {
        recordFive();

        tampering()
                .update(
                        2,
                        r -> new AuditRecord(
                                r.seq(), r.at(), r.kind(), "mallory@example.com", r.event(), r.prevHash(), r.hash()));

        assertBrokenAt(2, "its actor column says 'mallory@example.com' but its hashed event says 'w1'");
    }

    @Test
    void changedTimeColumnOutsideTheHashIsCaught() {
        recordFive();

        tampering()
                .update(
                        2,
                        r -> new AuditRecord(
                                r.seq(),
                                r.at().minusSeconds(3600),
                                r.kind(),
                                r.actor(),
                                r.event(),
                                r.prevHash(),
                                r.hash()));

        assertBrokenAt(2, "its at column says");
    }

    @Test
    void deletedRecordIsCaughtAsMissing() {
        recordFive();

        tampering().delete(3);

        assertBrokenAt(3, "it is missing (the log goes from record 2 to record 4), so it was deleted");
    }

    @Test
    void deletedFirstRecordsAreCaughtAsMissing() {
        recordFive();

        tampering().delete(1);
        tampering().delete(2);

        assertBrokenAt(1, "records 1 to 2 are missing (the log starts at record 3)");
    }

    @Test
    void deletedRecordWithTheLaterOnesRenumberedIsCaught() {
        recordFive();

        tampering().delete(3);
        tampering().renumber(4, 3);
        tampering().renumber(5, 4);

        assertBrokenAt(3, "its prev_hash is not the hash of record 2 before it");
    }

    @Test
    void swappedRecordsAreCaught() {
        recordFive();

        tampering().renumber(3, 1_000);
        tampering().renumber(4, 3);
        tampering().renumber(1_000, 4);

        assertBrokenAt(3, "its prev_hash is not the hash of record 2 before it");
    }

    @Test
    void forgedRecordAppendedWithAWrongPrevIsCaught() {
        recordFive();
        String prev = record(4).hash();

        tampering().insert(forged(6, prev, HashChain.next(prev, FORGED_EVENT)));

        assertBrokenAt(6, "its prev_hash is not the hash of record 5 before it");
    }

    @Test
    void forgedRecordAppendedWithTheRightPrevButAWrongHashIsCaught() {
        recordFive();

        tampering().insert(forged(6, record(5).hash(), HashChain.next(HashChain.GENESIS, FORGED_EVENT)));

        assertBrokenAt(6, "its hash does not match its contents");
    }

    @Test
    void recordWithoutHashesAfterChainedOnesIsCaught() {
        recordFive();

        tampering().insert(forged(6, null, null));

        assertBrokenAt(6, "it has no hash although record 5 before it has one");
    }

    @Test
    void hashesRemovedFromEveryRecordAreCaught() {
        recordFive();

        for (long seq = 1; seq <= 5; seq++) {
            tampering().update(seq, r -> withHashes(r, null, null));
        }

        assertBrokenAt(1, "every record of this log was written with the chain");
    }

    @Test
    void recordsWrittenBeforeTheChainAreReportedNotBroken() {
        tampering().insert(forged(1, null, null));
        tampering().insert(forged(2, null, null));
        tampering().writtenBeforeTheChainThrough(2);

        audit.record(granted("after", 0));

        AuditRecord first = record(3);
        assertThat(first.prevHash()).isEqualTo(HashChain.GENESIS);
        ChainCheck check = audit.verify();
        assertThat(check).isEqualTo(new ChainCheck.Intact(1, 2, 3, first.hash()));
        assertThat(check.describe())
                .endsWith("; the first 2 records were written before the chain existed and are not" + " covered by it");
    }

    @Test
    void recordWithoutHashesBeyondThoseWrittenBeforeTheChainIsCaught() {
        tampering().insert(forged(1, null, null));
        tampering().insert(forged(2, null, null));
        tampering().writtenBeforeTheChainThrough(1);

        assertBrokenAt(2, "only the records up to 1 were written before the chain existed");
    }

    @Test
    void anchorTheChainStillPassesThroughVerifies() {
        recordFive();

        assertThat(audit.verify(List.of(
                        new ChainAnchor(3, record(3).hash()),
                        new ChainAnchor(5, record(5).hash()))))
                .isInstanceOf(ChainCheck.Intact.class);
    }

    /** Whoever can write the database can rewrite the chain from a changed record on; only a kept hash shows it. */
    @Test
    void chainRewrittenFromAChangedRecordIsCaughtOnlyByAnAnchorKeptElsewhere() {
        recordFive();
        ChainAnchor kept = new ChainAnchor(5, record(5).hash());

        rewriteChainFrom(3, event -> event.replace("opsbot-w2", "opsbot-mallory"));

        assertThat(audit.verify()).isInstanceOf(ChainCheck.Intact.class);
        ChainCheck anchored = audit.verify(List.of(kept));
        assertThat(anchored).isInstanceOf(ChainCheck.Broken.class);
        assertThat((ChainCheck.Broken) anchored).satisfies(broken -> {
            assertThat(broken.seq()).isEqualTo(5);
            assertThat(broken.reason()).contains("not the " + kept.hash() + " kept as its anchor");
        });
    }

    @Test
    void recordsDeletedFromTheEndAreCaughtOnlyByAnAnchorKeptElsewhere() {
        recordFive();
        ChainAnchor kept = new ChainAnchor(5, record(5).hash());

        tampering().delete(5);

        assertThat(audit.verify())
                .isEqualTo(new ChainCheck.Intact(4, 0, 4, record(4).hash()));
        assertThat(audit.verify(List.of(kept)))
                .isEqualTo(new ChainCheck.Broken(
                        5,
                        "it was kept as an anchor, but it is not in the log (the log ends at record 4): records were"
                                + " deleted from its end"));
    }

    private static final String FORGED_EVENT =
            "{\"actor\":\"mallory@example.com\",\"at\":\"2026-03-10T02:40:00Z\",\"question\":\"nothing to see\","
                    + "\"type\":\"question_asked\"}";

    private static AuditRecord forged(long seq, String prevHash, String hash) {
        return new AuditRecord(seq, T0, "question_asked", "mallory@example.com", FORGED_EVENT, prevHash, hash);
    }

    private void recordFive() {
        IntStream.range(0, 5).forEach(i -> audit.record(granted("w" + i, i)));
    }

    private void rewriteChainFrom(long seq, UnaryOperator<String> change) {
        String prev = record(seq - 1).hash();
        for (AuditRecord r : records().subList((int) seq - 1, records().size())) {
            String event = r.seq() == seq ? change.apply(r.event()) : r.event();
            String hash = HashChain.next(prev, event);
            String chainedTo = prev;
            tampering().update(r.seq(), old -> withHashes(withEvent(old, event), chainedTo, hash));
            prev = hash;
        }
    }

    private void assertBrokenAt(long seq, String reason) {
        ChainCheck check = audit.verify();
        assertThat(check).isInstanceOf(ChainCheck.Broken.class);
        ChainCheck.Broken broken = (ChainCheck.Broken) check;
        assertThat(broken.seq()).as(broken.describe()).isEqualTo(seq);
        assertThat(broken.reason()).contains(reason);
        assertThat(broken.describe()).startsWith("audit log broken at record " + seq + ": ");
    }

    private List<AuditRecord> records() {
        List<AuditRecord> records = new ArrayList<>();
        audit.scan(1, records::add);
        return records;
    }

    private AuditRecord record(long seq) {
        return records().stream()
                .filter(r -> r.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record " + seq));
    }

    private static AuditRecord withEvent(AuditRecord r, String event) {
        return new AuditRecord(r.seq(), r.at(), r.kind(), r.actor(), event, r.prevHash(), r.hash());
    }

    private static AuditRecord withHashes(AuditRecord r, String prevHash, String hash) {
        return new AuditRecord(r.seq(), r.at(), r.kind(), r.actor(), r.event(), prevHash, hash);
    }

    /** SHA-256 written out here rather than through {@link HashChain}, so that the byte layout itself is pinned. */
    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<List<Long>> readUntilDone(AuditLog reader, AtomicInteger writersDone) {
        List<List<Long>> snapshots = new ArrayList<>();
        while (writersDone.get() < WRITERS) {
            snapshots.add(sequences(reader.since(T0, 1_000)));
        }
        return snapshots;
    }

    private static List<Long> sequences(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::sequence).toList();
    }

    private static List<String> actors(List<AuditEntry> entries) {
        return entries.stream().map(entry -> entry.event().actor()).toList();
    }

    private static ElevationGranted granted(String actor, int secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new ElevationGranted(
                at,
                actor,
                Mode.READ,
                "production",
                "arn:aws:iam::111111111111:role/opsbot-read-oncall",
                "opsbot-" + actor,
                at.plusSeconds(900),
                "console/C-ops/t-1",
                null,
                null,
                List.of(),
                List.of("oncall"));
    }

    private static ElevationRefused refused(String actor, int secondsAfterT0) {
        return new ElevationRefused(
                T0.plusSeconds(secondsAfterT0),
                actor,
                Mode.WRITE,
                "production",
                null,
                "console/C-ops/t-1",
                "p-1",
                "no write role in production");
    }
}
