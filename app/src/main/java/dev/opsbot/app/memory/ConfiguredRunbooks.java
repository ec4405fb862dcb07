package dev.opsbot.app.memory;

import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.core.memory.Runbooks;
import dev.opsbot.memory.embedding.Embedder;
import dev.opsbot.memory.runbooks.RunbookFile;
import dev.opsbot.memory.runbooks.RunbookLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's runbooks ({@code memory.runbooks}), or the demo's bundled ones. The folder is checked at start-up (a
 * missing one stops it, naming the folder); reading and embedding run in the background, on the shared model
 * ({@link ConfiguredMemory#model()}). A search before they are loaded waits for them; if loading failed, searches find
 * nothing and the reason is in the log once: answers go on without runbooks.
 */
public final class ConfiguredRunbooks {
    /** The demo's runbooks in {@code demo/runbooks/} on the classpath, which cannot be listed inside a jar. */
    static final List<String> DEMO_FILES = List.of("checkout.md", "general.md");

    private static final String DEMO_FOLDER = "demo/runbooks/";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRunbooks.class);

    private ConfiguredRunbooks() {}

    /**
     * @param folderOrNull the configured folder; null for no runbooks
     * @throws IllegalArgumentException when the folder does not exist or is a file
     */
    public static Runbooks load(Path folderOrNull, Supplier<Embedder> embedder) {
        if (folderOrNull == null) {
            return Runbooks.NONE;
        }
        RunbookLibrary.checkFolder(folderOrNull);
        return inBackground("the runbooks in " + folderOrNull, () -> RunbookLibrary.load(folderOrNull, embedder.get()));
    }

    /** The runbooks bundled for {@code opsbot demo}: checkout's and the general incident one. */
    public static Runbooks demo(Supplier<Embedder> embedder) {
        List<RunbookFile> files =
                DEMO_FILES.stream().map(ConfiguredRunbooks::bundled).toList();
        return inBackground("the demo's runbooks", () -> RunbookLibrary.of(files, embedder.get()));
    }

    private static RunbookFile bundled(String name) {
        try (InputStream in = ConfiguredRunbooks.class.getClassLoader().getResourceAsStream(DEMO_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo runbook " + DEMO_FOLDER + name + " is missing from the jar");
            }
            return new RunbookFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo runbook " + DEMO_FOLDER + name + " could not be read", e);
        }
    }

    private static Runbooks inBackground(String what, Supplier<RunbookLibrary> load) {
        CompletableFuture<RunbookLibrary> library = CompletableFuture.supplyAsync(
                load, command -> Thread.ofPlatform().daemon().name("runbooks").start(command));
        library.whenComplete((loaded, failure) -> {
            if (failure != null) {
                LOG.warn("{} did not load, answers go on without them: {}", what, failure.toString());
            }
        });
        return new Loading(library);
    }

    private record Loading(CompletableFuture<RunbookLibrary> library) implements Runbooks {
        @Override
        public List<RunbookPassage> search(String question, String service, int k) {
            RunbookLibrary loaded;
            try {
                loaded = library.join();
            } catch (CompletionException e) {
                return List.of(); // logged once, when loading failed
            }
            return loaded.search(question, service, k);
        }

        @Override
        public int size() {
            return library.isDone() && !library.isCompletedExceptionally()
                    ? library.join().size()
                    : 0;
        }
    }
}
