package dev.opsbot.tools.http;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.ToolContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** What the source tests share: a person, deadlines on the wall clock, a port nothing listens on, fixtures. */
public final class TestContexts {
    public static final Principal ALICE = Principal.of("alice@example.com");

    private TestContexts() {}

    public static ToolContext within(Duration budget) {
        return ToolContext.of(ALICE, budget, Clock.systemUTC());
    }

    public static ToolContext generous() {
        return within(Duration.ofSeconds(10));
    }

    /** A local URI whose port was free a moment ago: connecting to it is refused. */
    public static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource next to {@code owner}'s package, as text. */
    public static String fixture(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
