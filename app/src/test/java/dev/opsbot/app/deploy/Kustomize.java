package dev.opsbot.app.deploy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders the overlays under {@code deploy/kubernetes/overlays} with {@code kubectl kustomize}, each once per test
 * run. Without kubectl the tests are skipped; on CI ({@code CI=true}) they fail, since {@code .ci/render-kubernetes}
 * installs it there.
 */
final class Kustomize {
    static final Path OVERLAYS = Path.of("..", "deploy", "kubernetes", "overlays");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The names of the overlay directories, such as {@code dev} and {@code production}. */
    static Stream<String> overlayNames() {
        try (Stream<Path> children = Files.list(OVERLAYS)) {
            return children
                    .filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedOverlay overlay(String name) {
        requireKubectl();
        return RENDERED.computeIfAbsent(name, Kustomize::render);
    }

    private static RenderedOverlay render(String name) {
        Path dir = OVERLAYS.resolve(name);
        try {
            Path stderr = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectError(stderr.toFile())
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + dir + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize " + dir + " failed: " + Files.readString(stderr));
                }
                List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll().stream()
                        .filter(object -> !object.isNull() && !object.isEmpty())
                        .toList();
                return new RenderedOverlay(name, objects);
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireKubectl() {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing.get() + " (CI=true: a missing kubectl fails the test)");
        }
        assumeTrue(false, missing.get());
    }

    private static Optional<String> missing() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
        return found
                ? Optional.empty()
                : Optional.of(
                        "kubectl is not on the PATH; install Debian's kubernetes-client (bash .ci/render-kubernetes)");
    }
}
