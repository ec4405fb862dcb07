package dev.opsbot.app.memory;

import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.memory.IndexedTeamMemory;
import dev.opsbot.memory.embedding.Embedder;
import dev.opsbot.memory.embedding.MiniLmEmbedder;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team memory over the database's store, with the MiniLM model in this process (no network). The model takes about
 * half a second to load: it starts loading in the background at start-up, so neither start-up nor the first
 * {@code remember} waits for all of it.
 */
public final class ConfiguredMemory {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredMemory.class);

    private ConfiguredMemory() {}

    public static TeamMemory create(MemoryStore store, Clock clock) {
        return new IndexedTeamMemory(store, model(), clock);
    }

    /**
     * The model, one per process: team memory and the runbooks share it (it is thread-safe; loading it twice would
     * cost the time and the memory twice). It starts loading at the first call, in the background; each use waits.
     */
    public static Embedder model() {
        return SharedModel.EMBEDDER;
    }

    /** Loaded when first asked for (the holder idiom), not when the class is. */
    private static final class SharedModel {
        static final Embedder EMBEDDER = new Loading(startLoading());

        private static CompletableFuture<MiniLmEmbedder> startLoading() {
            CompletableFuture<MiniLmEmbedder> model = CompletableFuture.supplyAsync(
                    MiniLmEmbedder::load,
                    command -> Thread.ofPlatform().daemon().name("memory-model").start(command));
            model.whenComplete((loaded, failure) -> {
                if (failure != null) {
                    LOG.warn("the embedding model (team memory, runbooks) did not load: {}", failure.toString());
                }
            });
            return model;
        }
    }

    /** The model once it has loaded; a failed load fails each use with its reason (memory commands say so). */
    private record Loading(CompletableFuture<MiniLmEmbedder> model) implements Embedder {
        @Override
        public float[] embed(String text) {
            try {
                return model.join().embed(text);
            } catch (CompletionException e) {
                throw new IllegalStateException(
                        "the embedding model did not load: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public int dimensions() {
            return MiniLmEmbedder.DIMENSIONS;
        }
    }
}
