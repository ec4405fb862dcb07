package dev.opsbot.app.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HTTP server: where it listens, the bearer token for the web console, the largest chat message it accepts,
 * and how long a shutdown waits for work in flight.
 *
 * @param host the interface to bind; loopback by default, so a demo never exposes the console to the network
 * @param consoleToken the token the web console's API requires; {@code null} for none
 * @param maxMessageChars longer inbound messages are refused rather than fed to triage and the model
 * @param shutdownGrace how long a stopping replica keeps serving and finishing leased work
 */
public record ServerConfig(String host, int port, Secret consoleToken, int maxMessageChars, Duration shutdownGrace) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 40_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    static final IntRule PORT = new IntRule(0, 65_535, "a port number (0 picks a free one)");
    static final IntRule MESSAGE_CHARS = new IntRule(1, 1_000_000, "a message length in characters");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public ServerConfig {
        host = Checks.text("server.host", host, "use 127.0.0.1 for this machine only, or 0.0.0.0 for every interface");
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(
                    "server.host",
                    host,
                    "is not a host name or address",
                    "use 127.0.0.1, 0.0.0.0 or one interface's address");
        }
        PORT.check("server.port", port);
        MESSAGE_CHARS.check("server.maxMessageChars", maxMessageChars);
        shutdownGrace = Checks.notNegative("server.shutdownGrace", shutdownGrace, "20s");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_SHUTDOWN_GRACE);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, consoleToken, maxMessageChars, shutdownGrace);
    }

    /** Whether {@link #host()} is reachable from this machine only. Decided from the text: no DNS lookup at start. */
    public boolean loopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(h).matches();
    }

    static ServerConfig from(ConfigNode node) {
        ServerConfig config = new ServerConfig(
                node.string("host", DEFAULT_HOST),
                node.integer("port", DEFAULT_PORT, PORT),
                node.secret("consoleToken"),
                node.integer("maxMessageChars", DEFAULT_MAX_MESSAGE_CHARS, MESSAGE_CHARS),
                node.duration("shutdownGrace", DEFAULT_SHUTDOWN_GRACE));
        node.rejectUnknown();
        return config;
    }
}
