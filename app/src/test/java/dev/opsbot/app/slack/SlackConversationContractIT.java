package dev.opsbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.testing.contract.ConversationContract;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared conversation on Slack: questions and reactions arrive as signed events at {@code POST /slack/events};
 * what opsbot says is read from the Web API calls it made to WireMock ({@code chat.postMessage}, {@code chat.update},
 * {@code files.completeUploadExternal}).
 */
class SlackConversationContractIT extends ConversationContract {
    private static final String SECRET = "contract-signing-secret";
    private static final String CHANNEL = "CINC";
    private static final Map<String, String> SLACK_IDS = Map.of("alice", "UALICE", "bob", "UBOB", "mallory", "UMAL");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private static OpsbotApplication app;

    @BeforeAll
    static void start() {
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\"}")));
        person("UALICE", "alice", "Alice Chen");
        person("UBOB", "bob", "Bob Okafor");
        person("UMAL", "mallory", "Mallory");
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"" + CHANNEL
                                + "\",\"ts\":\"1800000000.{{randomValue length=9 type='NUMERIC'}}\"}")
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
                                "xoxb-contract-token",
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

    private static void person(String id, String name, String realName) {
        slack.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing(id))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"real_name\":\"" + realName + "\",\"profile\":{\"email\":\"" + name
                        + "@example.com\"}}}")));
    }

    @Override
    protected Platform platform() {
        return new Platform() {
            @Override
            public String ask(String user, String text) {
                String ts = nextTs();
                event("{\"type\":\"app_mention\",\"user\":\"" + SLACK_IDS.get(user) + "\",\"text\":\"<@UBOT> "
                        + text.replace("@opsbot ", "") + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + CHANNEL
                        + "\",\"event_ts\":\"" + ts + "\"}");
                return ts;
            }

            @Override
            public void react(String thread, String messageId, String user, String reaction) {
                String ts = nextTs();
                event("{\"type\":\"reaction_added\",\"user\":\"" + SLACK_IDS.get(user) + "\",\"reaction\":\""
                        + reaction + "\",\"item\":{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"ts\":\""
                        + messageId + "\"},\"item_user\":\"UBOT\",\"event_ts\":\"" + ts + "\"}");
            }

            @Override
            public List<Said> said(String thread) {
                return SlackConversationContractIT.said(thread);
            }
        };
    }

    private static String nextTs() {
        long micros = clock.addAndGet(1_000);
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static void event(String event) {
        String body = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"event_time\":"
                + Instant.now().getEpochSecond() + ",\"event\":" + event + "}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignatureCheck(SECRET, Clock.systemUTC()).sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError("could not send the event", e);
        }
    }

    /** What opsbot posted in {@code thread}, each message with its latest update, oldest first. */
    private static List<Said> said(String thread) {
        List<ServeEvent> calls = new ArrayList<>(slack.getAllServeEvents());
        calls.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        Map<String, String[]> messages = new LinkedHashMap<>(); // ts -> {text, proposalId}
        boolean image = false;
        for (ServeEvent call : calls) {
            String path = call.getRequest().getUrl();
            if (!path.startsWith("/api/")) {
                continue; // the file upload itself: bytes, not a form
            }
            Map<String, String> form = form(call.getRequest().getBodyAsString());
            if (path.startsWith("/api/chat.postMessage") && thread.equals(form.get("thread_ts"))) {
                String ts = ts(call.getResponse().getBodyAsString());
                messages.put(ts, new String[] {readable(form), proposal(form.get("blocks"))});
            } else if (path.startsWith("/api/chat.update") && messages.containsKey(form.get("ts"))) {
                messages.put(form.get("ts"), new String[] {readable(form), messages.get(form.get("ts"))[1]});
            } else if (path.startsWith("/api/files.completeUploadExternal") && thread.equals(form.get("thread_ts"))) {
                image = true;
            }
        }
        List<Said> said = new ArrayList<>();
        for (Map.Entry<String, String[]> message : messages.entrySet()) {
            said.add(new Said(message.getKey(), message.getValue()[0], image, message.getValue()[1]));
        }
        return said;
    }

    private static String readable(Map<String, String> form) {
        return form.getOrDefault("text", "") + "\n" + form.getOrDefault("blocks", "");
    }

    private static String proposal(String blocks) {
        if (blocks == null || !blocks.contains("\"action_id\":\"approve\"")) {
            return null;
        }
        try {
            for (JsonNode block : JSON.readTree(blocks)) {
                for (JsonNode element : block.path("elements")) {
                    if ("approve".equals(element.path("action_id").asText())) {
                        return element.path("value").asText();
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("blocks are not JSON: " + blocks, e);
        }
        return null;
    }

    private static String ts(String response) {
        try {
            return JSON.readTree(response).path("ts").asText();
        } catch (Exception e) {
            throw new AssertionError("not a Slack response: " + response, e);
        }
    }

    private static Map<String, String> form(String body) {
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
}
