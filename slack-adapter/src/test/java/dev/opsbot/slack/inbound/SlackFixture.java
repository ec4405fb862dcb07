package dev.opsbot.slack.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** WireMock as the Slack Web API, a test app config and signed requests: what every inbound test starts from. */
final class SlackFixture implements AutoCloseable {
    static final String SIGNING_SECRET = "test-signing-secret";
    static final String BOT_USER = "UBOT";
    static final String APPROVE = "white_check_mark";
    static final String REJECT = "x";

    final WireMockServer slackApi = new WireMockServer(wireMockConfig().dynamicPort());
    final List<ChatEvent> submitted = new CopyOnWriteArrayList<>();
    final SlackSignatureCheck signer = new SlackSignatureCheck(SIGNING_SECRET, Clock.systemUTC());

    SlackFixture() {
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\","
                        + "\"user\":\"opsbot\",\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER
                        + "\",\"bot_id\":\"BBOT\"}")));
        // Bolt asks who a bot_id belongs to before it drops opsbot's own bot messages.
        slackApi.stubFor(post(urlPathEqualTo("/api/bots.info"))
                .willReturn(okJson("{\"ok\":true,\"bot\":{\"id\":\"BOTHER\",\"user_id\":\"UOTHER\"}}")));
    }

    SlackInboundConfig config() {
        return new SlackInboundConfig(
                "xoxb-test", SIGNING_SECRET, slackApi.baseUrl() + "/api/", "/opsbot", APPROVE, REJECT);
    }

    SlackEvents events(ThreadLookup threads) {
        return events(submitted::add, threads);
    }

    SlackEvents events(Consumer<ChatEvent> sink, ThreadLookup threads) {
        UserDirectory users = id -> id.equals("UALICE")
                ? Optional.of(new ChatUser("UALICE", "alice", "alice@example.com"))
                : Optional.empty();
        return new SlackEvents(config(), sink, users, threads, Clock.systemUTC());
    }

    Map<String, List<String>> signedHeaders(String body, long epochSeconds) {
        String ts = Long.toString(epochSeconds);
        return Map.of(
                "X-Slack-Request-Timestamp", List.of(ts),
                "X-Slack-Signature", List.of(signer.sign(ts, body)),
                "Content-Type",
                        List.of(body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded"));
    }

    Map<String, List<String>> signedHeaders(String body) {
        return signedHeaders(body, System.currentTimeMillis() / 1000);
    }

    static String eventCallback(String eventId, String eventJson) {
        return "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
    }

    @Override
    public void close() {
        slackApi.stop();
    }
}
