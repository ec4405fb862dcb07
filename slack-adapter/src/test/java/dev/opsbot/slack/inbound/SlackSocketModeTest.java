package dev.opsbot.slack.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.opsbot.slack.inbound.SlackFixture.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSocketModeTest {
    private final SlackFixture slack = new SlackFixture();
    private final FakeSocketModeServer server = new FakeSocketModeServer();
    private SlackSocketMode socketMode;

    @BeforeEach
    void start() throws Exception {
        server.setReuseAddr(true);
        server.start();
        server.started.await();
        slack.slackApi.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + server.getPort() + "/link\"}")));
    }

    @AfterEach
    void stop() throws Exception {
        if (socketMode != null) {
            socketMode.close();
        }
        server.stop(1000);
        slack.close();
    }

    @Test
    void eventsArriveAreAckedByEnvelopeIdAndTheConnectionIsRenewedAfterDisconnect() throws Exception {
        socketMode = new SlackSocketMode(slack.events(ThreadLookup.NONE), "xapp-test");
        socketMode.start();

        // first connection: hello, one event, then Slack asks the client to move to a new connection
        awaitUntil(() -> server.acks.contains("env-1"));
        // second connection (after apps.connections.open again): one more event
        awaitUntil(() -> server.acks.contains("env-2"));

        assertThat(slack.submitted).extracting(ChatEvent::eventId).containsExactly("EvSock1", "EvSock2");
        assertThat(slack.submitted.get(0)).isInstanceOfSatisfying(ChatEvent.Mention.class, m -> assertThat(m.text())
                .isEqualTo("status?"));
        assertThat(server.acks).startsWith("env-1", "env-2");
        assertThat(server.connections.get()).isGreaterThanOrEqualTo(2);
        // Bolt opens one URL when it builds the client and one when it connects; the disconnect asks for another
        slack.slackApi.verify(
                com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(2),
                postRequestedFor(urlPathEqualTo("/api/apps.connections.open")));
    }

    @Test
    void appTokenThatIsNotAnAppLevelTokenIsRefusedAtConstruction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SlackSocketMode(slack.events(ThreadLookup.NONE), "xoxb-bot-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xapp-");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(20);
        }
    }

    /** Speaks Slack's Socket Mode envelope protocol: hello, events_api envelopes, acks by envelope_id, disconnect. */
    static final class FakeSocketModeServer extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        final AtomicInteger connections = new AtomicInteger();
        final List<String> acks = new CopyOnWriteArrayList<>();

        FakeSocketModeServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            int n = connections.incrementAndGet();
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}");
            if (n == 1) {
                conn.send(envelope("env-1", "EvSock1"));
            } else if (n == 2) {
                conn.send(envelope("env-2", "EvSock2"));
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            String id = message.replaceAll(".*\"envelope_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            acks.add(id);
            if (id.equals("env-1")) {
                conn.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
                        + "\"debug_info\":{\"host\":\"fake\"}}");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            started.countDown();
        }

        private static String envelope(String envelopeId, String eventId) {
            String event = "{\"type\":\"app_mention\",\"user\":\"UALICE\",\"text\":\"<@UBOT> status?\","
                    + "\"ts\":\"1700000000.000100\",\"channel\":\"C1\",\"event_ts\":\"1700000000.000100\"}";
            return "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                    + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + eventCallback(eventId, event) + "}";
        }
    }
}
