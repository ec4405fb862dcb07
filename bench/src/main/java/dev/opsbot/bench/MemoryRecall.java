package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Latencies;
import dev.opsbot.bench.internal.ListMemoryStore;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.RecallSetFiles;
import dev.opsbot.bench.internal.SyntheticMemories;
import dev.opsbot.bench.internal.TimedEmbedder;
import dev.opsbot.bench.internal.VectorCache;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.memory.IndexedTeamMemory;
import dev.opsbot.memory.embedding.MiniLmEmbedder;
import dev.opsbot.memory.retrieval.MemoryIndex;
import dev.opsbot.memory.retrieval.Weights;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Issue 8's figures for team memory at scale: {@code --memories} (100,000) synthetic memories of one team
 * ({@link SyntheticMemories}) plus the memory module's recall set, all embedded by the bundled MiniLM (cached under
 * {@code bench/target/memory-recall/}), loaded by the production {@link IndexedTeamMemory} from a store in this JVM.
 * Then {@code --queries} recalls (a quarter the recall set's questions, the rest synthetic ones), each timed from
 * the question to the ranked memories, the question's embedding included; and recall@5 of the recall set's
 * questions among all of them.
 */
public final class MemoryRecall {
    private static final String USAGE = """
            usage: bench/run dev.opsbot.bench.MemoryRecall [--memories 100000] [--queries 2000] [--warmup 500]
                       [--clients 1] [--seed 8] [--embed-threads N] [--target 30ms] [--recall-target 90]
              In this JVM: --memories synthetic memories of one team (468 made-up services, templates of facts, fixes,
              runbook steps, preferences) plus the recall set (memory/src/test/resources/recall), embedded by MiniLM
              (the first run embeds them, ~2-3 min on 2 cores, and caches the vectors in bench/target/memory-recall;
              --embed-threads, default the cores) and loaded by IndexedTeamMemory. Then --warmup recalls not counted and
              --queries measured, by --clients threads at once, each recall timed with its query embedding. Target:
              p95 < --target. Then recall@5 of the recall set's questions among all memories, team scope (and with the
              cosine alone, and with the answer's service in the scope, for comparison); target >= --recall-target
              percent. Exit 0 when it ran (met or MISSED is in the RESULT line), 1 when it broke. Heap: ~350 MiB live
              (the store's float vectors; the index's own copy is 38 MB).""";
    private static final String TEAM = "slack/C0SRE";
    private static final int K = 5;

    private MemoryRecall() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of("memories", "queries", "warmup", "clients", "seed", "embed-threads", "target", "recall-target"),
                Set.of(),
                USAGE);
        int count = args.integer("memories", 100_000, 1, 1_000_000);
        int queries = args.integer("queries", 2_000, 1, 1_000_000);
        int warmup = args.integer("warmup", 500, 0, 1_000_000);
        int clients = args.integer("clients", 1, 1, 64);
        int seed = args.integer("seed", 8, 0, Integer.MAX_VALUE);
        int cores = Runtime.getRuntime().availableProcessors();
        int embedThreads = args.integer("embed-threads", cores, 1, 64);
        double targetMs = args.duration("target", Duration.ofMillis(30), Duration.ofMinutes(1))
                        .toNanos()
                / 1e6;
        int recallTarget = args.integer("recall-target", 90, 0, 100);

        System.out.println("MemoryRecall: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        long loading = System.nanoTime();
        MiniLmEmbedder miniLm = MiniLmEmbedder.load();
        miniLm.embed("warm up");
        System.out.printf(Locale.ROOT, "  MiniLM loaded in %.0f ms%n", (System.nanoTime() - loading) / 1e6);

        Instant now = Instant.now();
        RecallSetFiles set = RecallSetFiles.load(Path.of(""), TEAM, now.minusSeconds(86_400));
        SyntheticMemories generator = new SyntheticMemories(seed);
        List<MemoryItem> synthetic = generator.memories(count, TEAM, now);
        Path cache = Path.of(
                "bench",
                "target",
                "memory-recall",
                "vectors-v" + SyntheticMemories.VERSION + "-seed" + seed + "-" + count + ".bin");
        float[][] vectors = VectorCache.vectors(
                cache, synthetic.stream().map(MemoryItem::text).toList(), miniLm, embedThreads);
        List<StoredMemory> stored = new ArrayList<>(count + set.memories().size());
        for (int i = 0; i < count; i++) {
            stored.add(new StoredMemory(
                    synthetic.get(i), vectors[i], synthetic.get(i).source().at(), false));
        }
        vectors = null; // the index keeps its own int8 copy; the store below keeps these
        for (MemoryItem item : set.memories()) {
            stored.add(new StoredMemory(
                    item, miniLm.embed(item.text()), item.source().at(), false));
        }
        System.out.printf(
                Locale.ROOT,
                "  %,d memories of team %s: %,d synthetic over %d services + the recall set's %d (%d questions)%n",
                stored.size(),
                TEAM,
                count,
                generator.services().size(),
                set.memories().size(),
                set.questions().size());

        TimedEmbedder embedder = new TimedEmbedder(miniLm);
        IndexedTeamMemory memory = new IndexedTeamMemory(new ListMemoryStore(stored), embedder, Clock.systemUTC());
        MemoryScope scope = MemoryScope.team(TEAM);
        long indexing = System.nanoTime();
        memory.recall("first recall: loads the index", scope, K);
        System.out.printf(
                Locale.ROOT,
                "  index loaded by the first recall in %.1f s (%,d memories through changedSince pages of 1,000);"
                        + " heap used after GC %.0f MiB (the store's float vectors included)%n",
                (System.nanoTime() - indexing) / 1e9,
                memory.index().size(),
                usedHeapMib());

        List<String> mix = questions(set, generator, warmup + queries, seed);
        Histogram total = new Histogram(60_000_000L, 3);
        Histogram embedding = new Histogram(60_000_000L, 3);
        Histogram retrieval = new Histogram(60_000_000L, 3);
        measure(memory, embedder, scope, mix.subList(0, warmup), clients, null, null, null);
        CpuMeter cpu = CpuMeter.start();
        long measuring = System.nanoTime();
        measure(memory, embedder, scope, mix.subList(warmup, mix.size()), clients, total, embedding, retrieval);
        double seconds = (System.nanoTime() - measuring) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %,d recalls (k=%d, team scope: all %,d memories scanned) by %d client(s) in %.1f s after %,d"
                        + " warm-up%n",
                queries,
                K,
                memory.index().size(),
                clients,
                seconds,
                warmup);
        System.out.println("    recall, query embedding included: " + Latencies.format(total));
        System.out.println("    of which the query embedding:     " + Latencies.format(embedding));
        System.out.println("    of which retrieval:               " + Latencies.format(retrieval));
        System.out.println("    " + cpu.report());

        double recall = recallAtK(set, q -> memory.recall(q.text(), scope, K), true);
        Map<String, String> serviceOf = new HashMap<>();
        set.memories().forEach(m -> serviceOf.put(m.id(), m.scope().service()));
        double recallServiceKnown = recallAtK(
                set, q -> memory.recall(q.text(), new MemoryScope(TEAM, serviceOf.get(q.answer()), null), K), false);
        MemoryIndex cosineOnly = new MemoryIndex(MiniLmEmbedder.DIMENSIONS, Weights.similarityOnly());
        cosineOnly.upsertAll(stored);
        double recallCosine = recallAtK(
                set,
                q -> cosineOnly.search(q.text(), miniLm.embed(q.text()), scope, K).stream()
                        .map(hit -> hit.recalled())
                        .toList(),
                false);
        System.out.printf(
                Locale.ROOT,
                "  recall@%d of the recall set's %d questions among %,d memories, team scope: %.3f (cosine alone %.3f);"
                        + " with the answer's service in the scope, as when the thread's service is known: %.3f%n",
                K,
                set.questions().size(),
                stored.size(),
                recall,
                recallCosine,
                recallServiceKnown);

        double p95 = total.getValueAtPercentile(95) / 1000.0;
        boolean latencyMet = p95 < targetMs;
        boolean recallMet = recall * 100 >= recallTarget;
        System.out.printf(
                Locale.ROOT,
                "RESULT MemoryRecall: %,d memories, recall p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (query embedding"
                        + " included, %d client(s), n=%,d); target p95 < %.0f ms: %s; recall@%d %.3f on %d paraphrased"
                        + " questions (target >= %.2f): %s%n",
                stored.size(),
                total.getValueAtPercentile(50) / 1000.0,
                p95,
                total.getValueAtPercentile(99) / 1000.0,
                clients,
                total.getTotalCount(),
                targetMs,
                latencyMet ? "met" : "MISSED",
                K,
                recall,
                set.questions().size(),
                recallTarget / 100.0,
                recallMet ? "met" : "MISSED");
        return 0;
    }

    /** A quarter the recall set's questions (in turn), three quarters synthetic ones, shuffled with the seed. */
    private static List<String> questions(RecallSetFiles set, SyntheticMemories generator, int count, int seed) {
        List<String> synthetic = generator.questions(count);
        List<String> mix = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mix.add(
                    i % 4 == 0
                            ? set.questions()
                                    .get(i / 4 % set.questions().size())
                                    .text()
                            : synthetic.get(i));
        }
        Collections.shuffle(mix, new Random(seed));
        return mix;
    }

    private static void measure(
            IndexedTeamMemory memory,
            TimedEmbedder embedder,
            MemoryScope scope,
            List<String> questions,
            int clients,
            Histogram total,
            Histogram embedding,
            Histogram retrieval)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = client; i < questions.size(); i += clients) {
                        long start = System.nanoTime();
                        List<Recalled> recalled = memory.recall(questions.get(i), scope, K);
                        long nanos = System.nanoTime() - start;
                        if (recalled.size() != K) {
                            throw new IllegalStateException(
                                    "recall gave " + recalled.size() + " memories for " + questions.get(i));
                        }
                        if (total != null) {
                            long embed = embedder.lastNanos();
                            synchronized (total) {
                                total.recordValue(nanos / 1000);
                                embedding.recordValue(embed / 1000);
                                retrieval.recordValue(Math.max(0, nanos - embed) / 1000);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Recaller {
        List<Recalled> recall(RecallSetFiles.Question question);
    }

    private static double recallAtK(RecallSetFiles set, Recaller recaller, boolean printMisses) {
        int found = 0;
        for (RecallSetFiles.Question question : set.questions()) {
            List<Recalled> recalled = recaller.recall(question);
            if (recalled.stream().anyMatch(r -> r.item().id().equals(question.answer()))) {
                found++;
            } else if (printMisses) {
                System.out.printf(
                        Locale.ROOT,
                        "    miss: %s \"%s\" -> %s%n",
                        question.answer(),
                        question.text(),
                        recalled.stream()
                                .map(r -> String.format(
                                        Locale.ROOT, "%s %.2f", r.item().id(), r.score()))
                                .toList());
            }
        }
        return (double) found / set.questions().size();
    }

    private static double usedHeapMib() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0;
    }
}
