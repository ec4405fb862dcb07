package dev.opsbot.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./opsbot demo --port N} as a child process, exactly as a person starts it. The launcher {@code exec}s java,
 * so the child's pid is the JVM's. Output goes to a file so a full pipe can never stall the bot.
 */
public final class DemoProcess {
    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private DemoProcess(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the demo with {@code OPSBOT_DATA_DIR=dataDir}. Any other {@code OPSBOT_*} variable of this process is
     * dropped so the environment the driver runs in cannot change what is measured; {@code javaOpts} (null for the
     * launcher's own defaults) becomes {@code OPSBOT_JAVA_OPTS}.
     */
    public static DemoProcess start(Repo repo, int port, Path dataDir, Path log, String javaOpts) {
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(repo.launcher().toString(), "demo", "--port", String.valueOf(port)))
                .directory(repo.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OPSBOT_"));
        env.put("OPSBOT_DATA_DIR", dataDir.toString());
        if (javaOpts != null) {
            env.put("OPSBOT_JAVA_OPTS", javaOpts);
        }
        long started = System.nanoTime();
        try {
            return new DemoProcess(builder.start(), started, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + repo.launcher(), e);
        }
    }

    public long startedNanos() {
        return startedNanos;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The launcher says this when it builds the jar, which must never happen inside a measurement. */
    public boolean rebuilt() {
        return output().contains("opsbot: building");
    }

    /** opsbot logs this as the last step of a graceful close (OpsbotApplication.close). */
    public boolean closedGracefully() {
        return output().contains("opsbot stopped");
    }

    /** What became of a stop request: the exit code (-1 if it had to be killed) and how long it took. */
    public record Stopped(int exitCode, Duration took, boolean killed) {}

    /** SIGTERM, then wait up to {@code grace}; SIGKILL after that. */
    public Stopped stop(Duration grace) {
        long start = System.nanoTime();
        process.destroy(); // SIGTERM on Linux: the JVM runs opsbot's shutdown hook
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Stopped(process.exitValue(), Duration.ofNanos(System.nanoTime() - start), false);
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return new Stopped(-1, Duration.ofNanos(System.nanoTime() - start), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Stopped(-1, Duration.ofNanos(System.nanoTime() - start), true);
        }
    }

    /** Last resort when a driver fails half way: never leave a demo running. */
    public void kill() {
        process.destroyForcibly();
    }
}
