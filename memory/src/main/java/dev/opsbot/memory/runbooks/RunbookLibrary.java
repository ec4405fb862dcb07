package dev.opsbot.memory.runbooks;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.core.memory.Runbooks;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.memory.embedding.Embedder;
import dev.opsbot.memory.retrieval.MemoryHit;
import dev.opsbot.memory.retrieval.MemoryIndex;
import dev.opsbot.memory.runbooks.internal.RunbookChunk;
import dev.opsbot.memory.runbooks.internal.RunbookChunker;
import dev.opsbot.memory.runbooks.internal.RunbookFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's runbooks, searched like team memory: each section (see {@link RunbookChunker}) is redacted, embedded
 * and put in a {@link MemoryIndex} of its own as a {@link MemoryKind#RUNBOOK} memory, so that the same hybrid ranking
 * (cosine, keywords, the service asked about) finds it. A file's service is the {@code service:} of its front matter.
 *
 * <p>Thread-safe. Loaded once; {@link #reload()} reads the source again and swaps the whole library at once.
 */
public final class RunbookLibrary implements Runbooks {
    /** The index's only team: a library has an index of its own, so the name meets no channel's. */
    private static final String TEAM = "runbooks";

    private static final Logger LOG = LoggerFactory.getLogger(RunbookLibrary.class);

    private final Supplier<RunbookFolder.Contents> source;
    private final Embedder embedder;
    private volatile Loaded loaded;

    private RunbookLibrary(Supplier<RunbookFolder.Contents> source, Embedder embedder) {
        this.source = source;
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.loaded = build(source.get());
    }

    /**
     * The markdown files under {@code folder} (see {@link RunbookFolder}), named by their path relative to it.
     *
     * @throws IllegalArgumentException when the folder does not exist or is a file
     */
    public static RunbookLibrary load(Path folder, Embedder embedder) {
        RunbookFolder runbooks = RunbookFolder.of(folder);
        return new RunbookLibrary(runbooks::read, embedder);
    }

    /**
     * Checks at start-up what {@link #load} would refuse, so that the slow part (embedding) can run in the background.
     *
     * @throws IllegalArgumentException naming the folder, when it does not exist or is a file
     */
    public static void checkFolder(Path folder) {
        RunbookFolder.of(folder);
    }

    /** Runbooks from elsewhere (the demo's, on the classpath). */
    public static RunbookLibrary of(List<RunbookFile> files, Embedder embedder) {
        RunbookFolder.Contents contents = new RunbookFolder.Contents(files, List.of());
        return new RunbookLibrary(() -> contents, embedder);
    }

    /**
     * Reads and embeds the runbooks again; searches meanwhile use the previous library. If the folder cannot be read,
     * the previous library stays and the exception says why.
     */
    public synchronized void reload() {
        loaded = build(source.get());
    }

    @Override
    public List<RunbookPassage> search(String question, String service, int k) {
        Objects.requireNonNull(question, "question");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        Loaded now = loaded;
        if (now.chunks.isEmpty() || question.isBlank()) {
            return List.of();
        }
        String asked = service == null || service.isBlank() ? null : service.strip();
        List<MemoryHit> hits = now.index.searchPreferring(
                question, embedder.embed(question), TEAM, asked, Math.min(k, MemoryIndex.MAX_K));
        List<RunbookPassage> passages = new ArrayList<>(hits.size());
        for (MemoryHit hit : hits) {
            RunbookChunk chunk = now.chunks.get(hit.item().id());
            passages.add(
                    new RunbookPassage(chunk.file(), chunk.heading(), chunk.text(), hit.score(), hit.similarity()));
        }
        return passages;
    }

    @Override
    public int size() {
        return loaded.chunks.size();
    }

    /** The files not read at the last load, each with the reason (too large, not UTF-8, unreadable, a link out). */
    public List<String> skipped() {
        return loaded.skipped;
    }

    /** How many files the passages came from. */
    public int files() {
        return loaded.files;
    }

    private record Loaded(MemoryIndex index, Map<String, RunbookChunk> chunks, int files, List<String> skipped) {}

    private Loaded build(RunbookFolder.Contents contents) {
        MemoryIndex index = new MemoryIndex(embedder.dimensions());
        Map<String, RunbookChunk> chunks = new HashMap<>();
        for (RunbookFile file : contents.files()) {
            // runbooks hold passwords and keys more often than they should: nothing past this line sees them
            String redacted = Redactor.standard().redact(file.markdown(), Vault.create());
            for (RunbookChunk chunk : RunbookChunker.chunk(file.name(), redacted)) {
                String id = "rb-" + chunks.size();
                chunks.put(id, chunk);
                index.upsert(
                        new StoredMemory(item(id, chunk), embedder.embed(chunk.searchText()), Instant.EPOCH, false));
            }
        }
        LOG.info(
                "runbooks loaded: {} passages from {} files",
                chunks.size(),
                contents.files().size());
        return new Loaded(index, Map.copyOf(chunks), contents.files().size(), contents.skipped());
    }

    private static MemoryItem item(String id, RunbookChunk chunk) {
        MemoryScope scope = new MemoryScope(TEAM, chunk.service(), null);
        MemorySource source = new MemorySource("runbook/" + chunk.file(), null, "runbook", null, Instant.EPOCH);
        return new MemoryItem(id, MemoryKind.RUNBOOK, cut(chunk.searchText()), scope, source, 0, 0, 0);
    }

    /**
     * The index holds at most {@link MemoryItem#MAX_TEXT} characters of a passage; only a passage that is one long
     * code block is longer, and the model reads just its first ~500 characters anyway.
     */
    private static String cut(String text) {
        if (text.length() <= MemoryItem.MAX_TEXT) {
            return text;
        }
        int end = MemoryItem.MAX_TEXT;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }

    @Override
    public String toString() {
        return "RunbookLibrary[" + size() + " passages from " + files() + " files]";
    }
}
