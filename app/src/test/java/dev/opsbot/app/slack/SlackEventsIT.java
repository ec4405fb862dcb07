package dev.opsbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.db.Database;
import dev.opsbot.scenario.Scenarios;
import dev.opsbot.slack.inbound.SlackSignatureCheck;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slack through opsbot's own server: a signed {@code app_mention} at {@code POST /slack/events} is acknowledged, the
 * asker is resolved through {@code users.info} and identity, and the answer is posted in the thread with
 * {@code chat.postMessage}; a request with a bad signature is refused with 401 and nothing is posted.
 */
class SlackEventsIT {
    private static final String SECRET = "it-signing-secret";
    private static final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private static final HttpClient http = HttpClient.newHttpClient();
    private static OpsbotApplication app;

    @BeforeAll
    static void start() {
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("UALICE"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"UALICE\",\"name\":\"alice\",\"real_name\":\"Alice"
                        + " Chen\",\"profile\":{\"email\":\"alice@example.com\"}}}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"CINC\",\"ts\":\"1700000000.{{randomValue length=6"
                                + " type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlPathEqualTo("/api/reactions.add")).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlPathEqualTo("/api/files.getUploadURLExternal"))
                .willReturn(
                        okJson("{\"ok\":true,\"upload_url\":\"" + slack.baseUrl() + "/upload\",\"file_id\":\"F1\"}")));
        slack.stubFor(post(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(200)));
        slack.stubFor(post(urlPathEqualTo("/api/files.completeUploadExternal"))
                .willReturn(okJson("{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}")));
        String database = Database.inMemoryH2Url("opsbot-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1";
        OpsbotConfig config = ConfigLoader.load(
                        null,
                        Map.of(
                                "OPSBOT_PORT",
                                "0",
                                "OPSBOT_DATABASE_URL",
                                database,
                                "OPSBOT_DATABASE_USER",
                                "sa",
                                "SLACK_BOT_TOKEN",
                                "xoxb-it-token",
                                "SLACK_SIGNING_SECRET",
                                SECRET,
                                "OPSBOT_SLACK_API_URL",
                                slack.baseUrl() + "/api/"))
                .withDemoPeopleUnlessMapped();
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard ->
                ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production"));
    }

    @AfterAll
    static void stop() {
        try {
            app.close();
        } finally {
            slack.stop();
        }
    }

    @Test
    void aSignedMentionIsAnsweredInItsThreadAsTheAsker() throws Exception {
        String body = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev1\","
                + "\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\",\"user\":\"UALICE\","
                + "\"text\":\"<@UBOT> why is checkout 5xx?\",\"ts\":\"1700000000.000100\",\"channel\":\"CINC\","
                + "\"event_ts\":\"1700000000.000100\"}}";

        HttpResponse<String> acked = send(body, sign(body));

        assertThat(acked.statusCode()).isEqualTo(200);
        List<Map<String, String>> posts = Eventually.get(Duration.ofSeconds(30), () -> posted(), all -> all.stream()
                .anyMatch(p -> p.getOrDefault("blocks", "").contains("\"action_id\":\"approve\"")));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.get("channel")).isEqualTo("CINC");
            assertThat(p.get("thread_ts")).isEqualTo("1700000000.000100");
        });
        assertThat(posts).anySatisfy(p -> assertThat(p.get("text"))
                .contains("oom")
                .contains("rollback Deployment shop/checkout to revision 41"));
        assertThat(posts).anySatisfy(p -> assertThat(p.get("blocks")).contains("\"action_id\":\"approve\""));
    }

    @Test
    void aRequestWithABadSignatureIsRefusedAndNothingIsPosted() throws Exception {
        String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev-forged\",\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"UALICE\",\"text\":\"<@UBOT> why is payments 5xx?\",\"ts\":\"1700000001.000100\","
                + "\"channel\":\"CINC\"}}";

        HttpResponse<String> refused = send(body, "v0=" + "0".repeat(64));

        assertThat(refused.statusCode()).isEqualTo(401);
        Thread.sleep(500);
        assertThat(posted()).noneSatisfy(p -> assertThat(p.get("thread_ts")).isEqualTo("1700000001.000100"));
    }

    private static String sign(String body) {
        return new SlackSignatureCheck(SECRET, Clock.systemUTC())
                .sign(String.valueOf(Instant.now().getEpochSecond()), body);
    }

    private static HttpResponse<String> send(String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                .header("Content-Type", "application/json")
                .header(
                        "X-Slack-Request-Timestamp",
                        String.valueOf(Instant.now().getEpochSecond()))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, String>> posted() {
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .map(SlackEventsIT::form)
                .toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
