package dev.opsbot.bench.internal;

import dev.opsbot.memory.embedding.Embedder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeddings of many texts, kept in a file so that a second run skips the minutes of embedding. The file names the
 * texts' SHA-256: other texts (another seed, count or generator version) never get these vectors.
 */
public final class VectorCache {
    private static final long MAGIC = 0x4f50534d454d5631L; // "OPSMEMV1"
    private static final int HEADER = 8 + 32 + 4 + 4;

    private VectorCache() {}

    /** The vectors of {@code texts}, read from {@code file} when it holds them, else embedded and written there. */
    public static float[][] vectors(Path file, List<String> texts, Embedder embedder, int threads) throws Exception {
        byte[] digest = digest(texts);
        float[][] cached = read(file, digest, texts.size(), embedder.dimensions());
        if (cached != null) {
            System.out.printf("  vectors of %,d memories read from %s%n", texts.size(), file);
            return cached;
        }
        long start = System.nanoTime();
        float[][] vectors = embed(texts, embedder, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "  embedded %,d memories in %.0f s on %d threads (%.2f ms each); caching them in %s%n",
                texts.size(), seconds, threads, seconds * 1000 / texts.size(), file);
        write(file, digest, vectors, embedder.dimensions());
        return vectors;
    }

    private static float[][] embed(List<String> texts, Embedder embedder, int threads) throws Exception {
        float[][] vectors = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        vectors[i] = embedder.embed(texts.get(i));
                        int finished = done.incrementAndGet();
                        if (finished % 10_000 == 0) {
                            System.out.printf("    %,d of %,d embedded%n", finished, texts.size());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return vectors;
    }

    private static float[][] read(Path file, byte[] digest, int count, int dimensions) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != HEADER + 4L * count * dimensions) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            header.flip();
            byte[] stored = new byte[32];
            if (header.getLong() != MAGIC) {
                return null;
            }
            header.get(stored);
            if (!MessageDigest.isEqual(stored, digest) || header.getInt() != count || header.getInt() != dimensions) {
                return null;
            }
            ByteBuffer row = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
            float[][] vectors = new float[count][dimensions];
            long position = HEADER;
            for (int i = 0; i < count; i++) {
                row.clear();
                while (row.hasRemaining()) {
                    position += channel.read(row, position);
                }
                row.flip();
                row.asFloatBuffer().get(vectors[i]);
            }
            return vectors;
        }
    }

    private static void write(Path file, byte[] digest, float[][] vectors, int dimensions) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(MAGIC)
                    .put(digest)
                    .putInt(vectors.length)
                    .putInt(dimensions)
                    .flip();
            channel.write(header);
            ByteBuffer row = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] vector : vectors) {
                row.clear();
                row.asFloatBuffer().put(vector);
                row.limit(4 * dimensions);
                while (row.hasRemaining()) {
                    channel.write(row);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] digest(List<String> texts) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String text : texts) {
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return sha.digest();
    }
}
