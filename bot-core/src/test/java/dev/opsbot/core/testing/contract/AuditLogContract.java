package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationGranted;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} promises. */
public abstract class AuditLogContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    private static final int WRITERS = 8;

    protected AuditLog audit;

    /** A new log over empty storage. */
    protected abstract AuditLog newLog();

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
