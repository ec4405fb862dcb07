package dev.opsbot.slack.inbound;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode: opsbot opens the WebSocket (no public URL needed) with the app-level token and the same
 * handlers as the HTTP endpoint. Bolt acks each envelope by its {@code envelope_id} once the handler returns 200,
 * reconnects on Slack's {@code disconnect} message, and leaves an envelope un-acked when the sink failed, so Slack
 * delivers it again. Envelopes carry no signature: the app-level token authenticates the connection instead.
 */
public final class SlackSocketMode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final SocketModeApp socketMode;

    /** @param appToken the app-level token ({@code xapp-...}, scope {@code connections:write}) */
    public SlackSocketMode(SlackEvents events, String appToken) {
        Objects.requireNonNull(events, "events");
        if (appToken == null || !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException("Socket Mode needs an app-level token starting with 'xapp-' "
                    + "(Basic Information > App-Level Tokens, scope connections:write)");
        }
        try {
            // Bolt ships no WebSocket implementation; the Java-WebSocket backend is the one on our classpath.
            this.socketMode = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, events.app());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not set up Slack Socket Mode: " + e.getMessage(), e);
        }
    }

    /** Connects (calls {@code apps.connections.open}) and returns; events arrive on Bolt's threads. */
    public void start() {
        try {
            socketMode.startAsync();
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            throw new IllegalStateException("could not connect to Slack Socket Mode: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socketMode.close();
        } catch (Exception e) {
            log.warn("closing Slack Socket Mode failed: {}", e.toString());
        }
    }
}
