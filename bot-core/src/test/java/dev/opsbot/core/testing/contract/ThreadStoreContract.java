package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.ThreadRecord;
import dev.opsbot.core.store.ThreadStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ThreadStore} promises. */
public abstract class ThreadStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:30:00Z");
    private static final ThreadRef INCIDENT = new ThreadRef("slack", "C-incident", "1710037800.000100");

    protected ThreadStore threads;

    /** A new store over empty storage. */
    protected abstract ThreadStore newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected ThreadStore anotherReplicaOf(ThreadStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        threads = newStore();
    }

    @Test
    void firstTouchStartsTheThread() {
        ThreadRecord started = threads.touch(INCIDENT, "U-alice", T0);

        ThreadRecord expected = new ThreadRecord(INCIDENT, "U-alice", T0, T0);
        assertThat(started).isEqualTo(expected);
        assertThat(threads.find(INCIDENT)).contains(expected);
    }

    @Test
    void laterTouchMovesLastActivityButKeepsWhoStartedIt() {
        threads.touch(INCIDENT, "U-alice", T0);

        ThreadRecord touched = threads.touch(INCIDENT, "U-bob", T0.plusSeconds(90));

        ThreadRecord expected = new ThreadRecord(INCIDENT, "U-alice", T0, T0.plusSeconds(90));
        assertThat(touched).isEqualTo(expected);
        assertThat(threads.find(INCIDENT)).contains(expected);
    }

    @Test
    void touchWithAnEarlierTimeNeverMovesLastActivityBack() {
        threads.touch(INCIDENT, "U-alice", T0);
        threads.touch(INCIDENT, "U-alice", T0.plusSeconds(90));

        ThreadRecord touched = threads.touch(INCIDENT, "U-bob", T0.plusSeconds(10));

        assertThat(touched.lastActivityAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(threads.find(INCIDENT).orElseThrow().lastActivityAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void unknownThreadIsNotFound() {
        threads.touch(INCIDENT, "U-alice", T0);

        assertThat(threads.find(new ThreadRef("slack", "C-incident", "other"))).isEmpty();
    }

    @Test
    void threadsAreKeyedByPlatformChannelAndThread() {
        ThreadRef sameIdOtherChannel = new ThreadRef("slack", "C-other", INCIDENT.thread());
        ThreadRef sameIdOtherPlatform = new ThreadRef("teams", INCIDENT.channel(), INCIDENT.thread());

        threads.touch(INCIDENT, "U-alice", T0);
        threads.touch(sameIdOtherChannel, "U-bob", T0.plusSeconds(1));
        threads.touch(sameIdOtherPlatform, "U-carol", T0.plusSeconds(2));

        assertThat(threads.find(INCIDENT).orElseThrow().startedBy()).isEqualTo("U-alice");
        assertThat(threads.find(sameIdOtherChannel).orElseThrow().startedBy()).isEqualTo("U-bob");
        assertThat(threads.find(sameIdOtherPlatform).orElseThrow().startedBy()).isEqualTo("U-carol");
    }

    @Test
    void activeSinceListsThreadsActiveAtOrAfterTheTimeMostRecentFirst() {
        ThreadRef old = thread("old");
        ThreadRef boundary = thread("boundary");
        ThreadRef recent = thread("recent");
        threads.touch(old, "U-alice", T0);
        threads.touch(boundary, "U-alice", T0.plusSeconds(60));
        threads.touch(recent, "U-alice", T0.plusSeconds(10));
        threads.touch(recent, "U-bob", T0.plusSeconds(120));

        List<ThreadRecord> active = threads.activeSince(T0.plusSeconds(60), 10);

        assertThat(active).extracting(ThreadRecord::ref).containsExactly(recent, boundary);
    }

    @Test
    void activeSinceReturnsAtMostTheLimit() {
        IntStream.range(0, 5).forEach(i -> threads.touch(thread("t" + i), "U-alice", T0.plusSeconds(i)));

        assertThat(threads.activeSince(T0, 3))
                .extracting(ThreadRecord::ref)
                .containsExactly(thread("t4"), thread("t3"), thread("t2"));
    }

    @Test
    void racingFirstTouchesStartOneThreadAndKeepTheLatestActivity() {
        List<ThreadStore> replicas = List.of(threads, anotherReplicaOf(threads));

        List<ThreadRecord> seen =
                Race.of(8, racer -> replicas.get(racer % 2).touch(INCIDENT, "U-" + racer, T0.plusSeconds(racer)));

        ThreadRecord stored = threads.find(INCIDENT).orElseThrow();
        assertThat(stored.lastActivityAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(stored.startedAt())
                .isEqualTo(T0.plusSeconds(Integer.parseInt(stored.startedBy().substring(2))));
        assertThat(seen).allSatisfy(record -> {
            assertThat(record.startedBy()).isEqualTo(stored.startedBy());
            assertThat(record.startedAt()).isEqualTo(stored.startedAt());
        });
    }

    private static ThreadRef thread(String id) {
        return new ThreadRef("console", "C-ops", id);
    }
}
