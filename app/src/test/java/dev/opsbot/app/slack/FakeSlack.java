package dev.opsbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Slack at its HTTP edge for opsbot's integration tests: WireMock as the Web API (alice, bob and mallory as users
 * with their e-mails; every post gets its own {@code ts}), opsbot started on the bundled incident with Slack on, and
 * signed events sent to its {@code POST /slack/events}.
 */
final class FakeSlack implements AutoCloseable {
    static final String CHANNEL = "CINC";
    private static final String SECRET = "it-signing-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final WireMockServer api = new WireMockServer(options().dynamicPort());
    final OpsbotApplication app;

    FakeSlack() {
        api.start();
        api.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\"}")));
        person("UALICE", "alice", "Alice Chen");
        person("UBOB", "bob", "Bob Okafor");
        person("UMAL", "mallory", "Mallory");
        api.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"" + CHANNEL
                                + "\",\"ts\":\"1800000000.{{randomValue length=9 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        api.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlPathEqualTo("/api/reactions.add")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlPathEqualTo("/api/files.getUploadURLExternal"))
                .willReturn(
                        okJson("{\"ok\":true,\"upload_url\":\"" + api.baseUrl() + "/upload\",\"file_id\":\"F1\"}")));
        api.stubFor(post(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(200)));
        api.stubFor(post(urlPathEqualTo("/api/files.completeUploadExternal"))
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
                                api.baseUrl() + "/api/"))
                .withDemoPeopleUnlessMapped();
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard ->
                ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production"));
    }

    private void person(String id, String name, String realName) {
        api.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing(id))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"real_name\":\"" + realName + "\",\"profile\":{\"email\":\"" + name
                        + "@example.com\"}}}")));
    }

    /** Sends an {@code event_callback} wrapping {@code event}, signed with the app's signing secret. */
    HttpResponse<String> event(String event) {
        String body = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"event_time\":"
                + Instant.now().getEpochSecond() + ",\"event\":" + event + "}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return send(body, new SlackSignatureCheck(SECRET, Clock.systemUTC()).sign(timestamp, body), timestamp);
    }

    HttpResponse<String> send(String body, String signature, String timestamp) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("could not reach /slack/events", e);
        }
    }

    /** A Web API call's form parameters, decoded. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            api.stop();
        }
    }
}
