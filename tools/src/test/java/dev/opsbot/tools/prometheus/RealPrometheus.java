package dev.opsbot.tools.prometheus;

import java.io.File;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus for tests, loaded with OpenMetrics files the way an operator backfills: {@code promtool tsdb
 * create-blocks-from openmetrics} for each file, then {@code prometheus} on a free loopback port over the blocks, with
 * no scrape jobs, a 100-year retention (the fixtures lie in the past) and the default 5-minute lookback stated
 * explicitly, since the in-memory evaluator assumes it.
 *
 * <p>When prometheus or promtool is not on the PATH the test is skipped, except under {@code CI=true}, where it fails:
 * CI must prove parity, not skip it ({@code .ci/install-prometheus} installs both).
 */
final class RealPrometheus implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path workDirectory;
    private final URI baseUrl;
    private final Thread killOnExit;

    private RealPrometheus(Process process, Path workDirectory, URI baseUrl) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.baseUrl = baseUrl;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-test-prometheus");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts Prometheus over every {@code *.om} file in {@code openMetricsDirectory}, once it answers /-/ready. */
    static RealPrometheus start(Path openMetricsDirectory) throws IOException, InterruptedException {
        Path prometheus = requireBinary("prometheus");
        Path promtool = requireBinary("promtool");
        Path work = Files.createTempDirectory("opsbot-prometheus-");
        Path data = Files.createDirectories(work.resolve("data"));
        try (Stream<Path> files = Files.list(openMetricsDirectory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".om")).sorted().toList()) {
                run(
                        work,
                        "promtool-" + file.getFileName() + ".log",
                        promtool.toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        file.toString(),
                        data.toString());
            }
        }
        Path config = Files.writeString(work.resolve("prometheus.yml"), "global:\n  evaluation_interval: 1m\n");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = work.resolve("prometheus-" + attempt + ".log");
            Process process = new ProcessBuilder(
                            prometheus.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + data,
                            "--storage.tsdb.retention.time=100y",
                            "--web.listen-address=127.0.0.1:" + port,
                            "--query.lookback-delta=5m",
                            "--log.level=warn")
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI baseUrl = URI.create("http://127.0.0.1:" + port + "/");
            if (awaitReady(process, baseUrl)) {
                return new RealPrometheus(process, work, baseUrl);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            // Another process may have taken the port between our check and Prometheus' bind: try once more.
            if (attempt == 2 || !Files.readString(log).contains("address already in use")) {
                throw new IllegalStateException("prometheus did not become ready; its log:\n" + tail(log));
            }
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL after 15 s) and deletes its data. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** The binary on the PATH; skips the test without it, or fails it under CI=true. */
    static Path requireBinary(String name) {
        Optional<Path> found = onPath(name);
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " is not on the PATH: install Prometheus (.ci/install-prometheus does it on Debian)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true, so the parity test fails instead of skipping");
        }
        Assumptions.abort(message + "; skipping the test against a real Prometheus");
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void run(Path work, String logName, String... command) throws IOException, InterruptedException {
        Path log = work.resolve(logName);
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + tail(log));
        }
    }

    private static boolean awaitReady(Process process, URI baseUrl) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("-/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
