package dev.opsbot.app.image;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * {@code app/target/jib-image.tar} as Jib wrote it: its manifest, its container configuration, and the files of
 * its layers as they are once unpacked (a later layer's entry replaces an earlier one's). Built by
 * {@code ./mvnw -Pimage -pl app -am package -DskipTests}; without it the tests are skipped, and on CI
 * ({@code CI=true}) they fail, since {@code .ci/build-image} builds it before the tests.
 */
final class ImageTarball {
    static final Path PATH = Path.of("target", "jib-image.tar");
    /** Files small enough to keep the text of. */
    private static final Set<String> TEXTS = Set.of("etc/passwd", "etc/group", "etc/nsswitch.conf", "opt/java/release");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ImageTarball loaded;

    private final JsonNode config;
    private final List<String> layers;
    private final Map<String, TarReader.Entry> files;
    private final Map<String, String> texts;

    private ImageTarball(
            JsonNode config, List<String> layers, Map<String, TarReader.Entry> files, Map<String, String> texts) {
        this.config = config;
        this.layers = layers;
        this.files = files;
        this.texts = texts;
    }

    /** The image, read once per test run; skips (or fails on CI) when it has not been built. */
    static synchronized ImageTarball load() {
        if (!Files.isRegularFile(PATH)) {
            String missing = "no " + PATH.toAbsolutePath().normalize()
                    + ": build it with ./mvnw -Pimage -pl app -am package -DskipTests (docs/image.md)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + " (CI=true: .ci/build-image builds it before the tests)");
            }
            assumeTrue(false, missing);
        }
        if (loaded == null) {
            loaded = read(PATH);
        }
        return loaded;
    }

    /** The image's runtime configuration: {@code Entrypoint}, {@code Env}, {@code User}, ... */
    JsonNode config() {
        return config.path("config");
    }

    /** The layer files in the manifest's order, lowest first. */
    List<String> layers() {
        return layers;
    }

    Optional<TarReader.Entry> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    boolean hasFileUnder(String directory) {
        return files.keySet().stream().anyMatch(path -> path.startsWith(directory + "/"));
    }

    /** The text of one of the small files in {@link #TEXTS}. */
    String text(String path) {
        if (!TEXTS.contains(path)) {
            throw new IllegalArgumentException(path + " is not one of the files kept as text: " + TEXTS);
        }
        return Optional.ofNullable(texts.get(path)).orElseThrow(() -> new AssertionError("no " + path));
    }

    private static ImageTarball read(Path tarball) {
        Map<String, byte[]> jsons = new HashMap<>();
        Map<String, Map<String, TarReader.Entry>> layerFiles = new HashMap<>();
        Map<String, Map<String, String>> layerTexts = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16)) {
            TarReader.read(in, (entry, content) -> {
                if (entry.path().endsWith(".json")) {
                    jsons.put(entry.path(), content.readAllBytes());
                } else if (entry.path().endsWith(".tar.gz")) {
                    Map<String, TarReader.Entry> files = new LinkedHashMap<>();
                    Map<String, String> texts = new HashMap<>();
                    readLayer(new GZIPInputStream(content, 1 << 16), files, texts);
                    layerFiles.put(entry.path(), files);
                    layerTexts.put(entry.path(), texts);
                }
            });
            JsonNode manifest = JSON.readTree(jsons.get("manifest.json")).get(0);
            JsonNode config = JSON.readTree(jsons.get(manifest.get("Config").asText()));
            List<String> layers = new ArrayList<>();
            Map<String, TarReader.Entry> files = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            manifest.get("Layers").forEach(layer -> {
                layers.add(layer.asText());
                files.putAll(layerFiles.get(layer.asText()));
                texts.putAll(layerTexts.get(layer.asText()));
            });
            return new ImageTarball(config, List.copyOf(layers), Map.copyOf(files), Map.copyOf(texts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball, e);
        }
    }

    private static void readLayer(InputStream layer, Map<String, TarReader.Entry> files, Map<String, String> texts)
            throws IOException {
        TarReader.read(layer, (entry, content) -> {
            files.put(entry.path(), entry);
            if (TEXTS.contains(entry.path()) && entry.isFile()) {
                texts.put(entry.path(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
    }
}
