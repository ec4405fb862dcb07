package dev.opsbot.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.StoredMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Searches on several threads while another adds, re-votes and forgets: no error, no stale or foreign hit. */
class MemoryIndexConcurrencyTest {
    private static final String TEAM = "slack/C0INCIDENT";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final int DIMS = 48;

    @Test
    void searchesStayConsistentWhileMemoriesChange() throws Exception {
        // big enough that scans are split over the cores while writes land
        MemoryIndex index = new MemoryIndex(DIMS);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            index.upsert(stored(i, random, i % 2 == 0 ? TEAM : "slack/C0OTHER"));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            readers.add(Thread.ofPlatform().start(() -> {
                Random own = new Random(seed);
                started.countDown();
                try {
                    while (writing.get()) {
                        List<MemoryHit> hits = index.search(
                                "memory alert restart",
                                MemoryIndexTest.randomUnit(own, DIMS),
                                new MemoryScope(TEAM, "svc-" + own.nextInt(3), null),
                                10);
                        assertThat(hits).hasSize(10);
                        assertThat(hits)
                                .allSatisfy(hit ->
                                        assertThat(hit.item().scope().team()).isEqualTo(TEAM));
                        for (int i = 1; i < hits.size(); i++) {
                            assertThat(hits.get(i).score())
                                    .isLessThanOrEqualTo(hits.get(i - 1).score());
                        }
                        searches.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        started.await();
        for (int i = 20_000; i < 22_000; i++) {
            index.upsert(stored(i, random, TEAM));
            index.updateUsage(id(i - 1_000), 1, 0, 2);
            index.remove(id(i - 10_000));
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(index.size()).isEqualTo(20_000);
        assertThat(index.get(id(10_500))).isEmpty();
        assertThat(index.get(id(21_999))).isPresent();
    }

    private static StoredMemory stored(int i, Random random, String team) {
        MemoryItem item = new MemoryItem(
                id(i),
                MemoryKind.FACT,
                "memory " + i + (i % 3 == 0 ? " alert" : " restart"),
                new MemoryScope(team, i % 5 == 0 ? null : "svc-" + (i % 3), null),
                new MemorySource("slack/C0INCIDENT/1", null, "alice@example.com", "#inc", T0),
                0,
                0,
                0);
        return new StoredMemory(item, MemoryIndexTest.randomUnit(random, DIMS), T0, false);
    }

    private static String id(int i) {
        return String.format("m-%06x", i);
    }
}
