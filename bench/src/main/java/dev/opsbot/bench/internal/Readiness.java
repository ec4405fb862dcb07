package dev.opsbot.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls {@code GET /readyz} with a bare socket: no HTTP client to warm up in this JVM, so its own class loading
 * never counts against opsbot's start-up time.
 */
public final class Readiness {
    private Readiness() {}

    /** The HTTP status of one {@code GET path}, or -1 when nothing answers (refused, reset, timed out). */
    public static int status(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parseStatus(socket.getInputStream());
        } catch (IOException e) {
            return -1;
        }
    }

    private static int parseStatus(InputStream in) throws IOException {
        byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
        String line = new String(head, StandardCharsets.US_ASCII);
        if (line.length() < 12 || !line.startsWith("HTTP/")) {
            return -1;
        }
        return Integer.parseInt(line.substring(9, 12));
    }

    /**
     * Polls until {@code /readyz} answers 200. Returns the nanoTime of that answer, or -1 when {@code alive} turned
     * false (the process died) or {@code timeout} passed.
     */
    public static long awaitReady(int port, Duration every, Duration timeout, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long attempt = System.nanoTime();
            if (status(port, "/readyz") == 200) {
                return System.nanoTime();
            }
            if (!alive.getAsBoolean()) {
                return -1;
            }
            long next = attempt + every.toNanos();
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        return -1;
    }
}
