package dev.opsbot.app.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.testing.ConsoleThreads;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the image as the Deployment does, with {@code src/main/image/run-image.sh} (no Docker needed): uid 65532,
 * a read-only root filesystem, tmpfs on /tmp and the data directory. Needs root and util-linux; without them the
 * tests are skipped, and on CI ({@code CI=true}, where the runner is root) they fail.
 */
class ContainerImageRunIT {
    private static final Path RUN_IMAGE = Path.of("src", "main", "image", "run-image.sh");

    @BeforeAll
    static void requireTheImageAndARunner() {
        ImageTarball.load();
        String missing = missingRunner();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + " (CI=true: the image must run)");
            }
            assumeTrue(false, missing);
        }
    }

    @Test
    void versionPrintsTheImagesVersion() throws Exception {
        String version = ImageTarball.load()
                .config()
                .path("Labels")
                .path("org.opencontainers.image.version")
                .asText();
        Path log = Files.createTempFile("opsbot-image-version", ".log");
        try {
            Process process = start(log, "version");
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(log);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("opsbot " + version);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The demo needs what the image brings: the H2 database in the data directory, the scenario read from inside
     * the jar (jdk.zipfs), the embedding model's native libraries unpacked to /tmp (glibc, libstdc++) and a chart
     * drawn with fonts (fontconfig, DejaVu); SIGTERM then stops it the graceful way.
     */
    @Test
    void theDemoAnswersWithAChartOnAReadOnlyRootAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("opsbot-image-demo", ".log");
        Process process = start(log, "demo", "--port", Integer.toString(port));
        try {
            HttpJson http = new HttpJson(port);
            Eventually.get(Duration.ofMinutes(3), () -> readyz(http, process, log), status -> status == 200);

            ConsoleThreads console = new ConsoleThreads(http, "inc-checkout");
            String thread = console.post("alice", "@opsbot why is checkout 5xx?");
            JsonNode answer = console.await(
                    thread, message -> message.path("attachments").size() > 0, "the answer with its chart");
            byte[] chart =
                    bytes(port, answer.path("attachments").get(0).path("url").asText());

            assertThat(chart).startsWith(0x89, 'P', 'N', 'G');
        } finally {
            process.destroy(); // SIGTERM: run-image.sh passes it to opsbot
            boolean stopped = process.waitFor(1, TimeUnit.MINUTES);
            if (!stopped) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            assertThat(stopped).as(output).isTrue();
            assertThat(output).contains("opsbot stopped");
        }
    }

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", RUN_IMAGE.toString(), ImageTarball.PATH.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int readyz(HttpJson http, Process process, Path log) {
        if (!process.isAlive()) {
            throw new AssertionError("opsbot exited with " + process.exitValue() + ":\n" + read(log));
        }
        try {
            return http.get("/readyz").status();
        } catch (UncheckedIOException notListeningYet) {
            return -1;
        }
    }

    private static byte[] bytes(int port, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Why the image cannot be run here, or null when it can. */
    private static String missingRunner() {
        try {
            Process check = new ProcessBuilder(
                            "bash", "-c", "[ \"$(id -u)\" = 0 ] && command -v unshare nsenter pgrep jq >/dev/null")
                    .redirectErrorStream(true)
                    .start();
            return check.waitFor() == 0
                    ? null
                    : "running the image needs root, unshare, nsenter, pgrep and jq (" + RUN_IMAGE + ")";
        } catch (IOException | InterruptedException e) {
            return "cannot check for the image runner's tools: " + e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
