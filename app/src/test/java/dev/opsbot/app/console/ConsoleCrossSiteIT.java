package dev.opsbot.app.console;

import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.RawHttp;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.core.console.ConsoleMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A web page open in a browser on the machine running the demo must not be able to talk in the console: not by
 * posting to it from another site, nor by pointing its own name at 127.0.0.1 (DNS rebinding). Against a real
 * opsbot, whose database shows that nothing refused was stored.
 */
class ConsoleCrossSiteIT {
    private static OpsbotApplication app;
    private static HttpJson http;
    private static int port;

    @BeforeAll
    static void start() {
        app = OpsbotApplication.start(TestApps.inMemory());
        port = app.port();
        http = new HttpJson(port);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String uniqueText() {
        return "@opsbot help " + UUID.randomUUID();
    }

    private static String message(String text) {
        return json(Map.of("channel", "general", "user", "bob", "text", text));
    }

    private static RawHttp.Response post(String path, String body, Map<String, String> headers) {
        return RawHttp.send(port, "POST", path, headers, body);
    }

    private static boolean stored(String text) {
        return app.stores().console().recentThreads("general", 10_000).stream()
                .map(ConsoleMessage::text)
                .anyMatch(text::equals);
    }

    @Test
    void aMessagePostedFromAnotherSitesPageIsRefusedAs403AndNotStored() {
        String text = uniqueText();

        RawHttp.Response response = post(
                "/api/console/messages",
                message(text),
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        "https://evil.example",
                        "Content-Type",
                        "application/json"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\"").contains("evil.example");
        assertThat(stored(text)).isFalse();
    }

    @Test
    void aTextPlainMessageAsACrossSiteFormSendsItIsRefusedAs415AndNotStored() {
        String text = uniqueText();

        RawHttp.Response response = post(
                "/api/console/messages",
                message(text),
                Map.of("Host", "127.0.0.1:" + port, "Content-Type", "text/plain;charset=UTF-8"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("application/json");
        assertThat(stored(text)).isFalse();
    }

    @Test
    void aMessageSentThroughARebindingNameIsRefusedAndNotStored() {
        String text = uniqueText();
        String evil = "evil.example:" + port;

        RawHttp.Response write = post(
                "/api/console/messages",
                message(text),
                Map.of("Host", evil, "Origin", "http://" + evil, "Content-Type", "application/json"));
        RawHttp.Response read = RawHttp.send(port, "GET", "/api/console/channels", Map.of("Host", evil), null);

        assertThat(write.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(403);
        assertThat(stored(text)).isFalse();
    }

    @Test
    void anApprovalReactionFromAnotherSitesPageIsRefusedAndNotRecorded() {
        String thread = http.post("/api/console/messages", message(uniqueText()))
                .json()
                .get("thread")
                .asText();
        String answer = Eventually.get(
                        Duration.ofSeconds(10),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.status() == 200 && r.json().get("messages").size() >= 2)
                .json()
                .get("messages")
                .get(1)
                .get("id")
                .asText();

        RawHttp.Response response = post(
                "/api/console/reactions",
                json(Map.of("message", answer, "user", "bob", "reaction", "white_check_mark")),
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        "http://evil.example",
                        "Content-Type",
                        "application/json"));

        assertThat(response.status()).isEqualTo(403);
        JsonNode reactions = http.get("/api/console/threads/" + thread)
                .json()
                .get("messages")
                .get(1)
                .get("reactions");
        assertThat(reactions).isEmpty();
    }

    @Test
    void aMessageFromTheConsolesOwnPageIsAcceptedAndStored() {
        String text = uniqueText();

        RawHttp.Response response = post(
                "/api/console/messages",
                message(text),
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        "http://127.0.0.1:" + port,
                        "Content-Type",
                        "application/json"));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(stored(text)).isTrue();
    }

    @Test
    void aMessageWithoutOriginAsCurlSendsItIsAcceptedAndStored() {
        String text = uniqueText();

        HttpJson.Response response = http.post("/api/console/messages", message(text));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(stored(text)).isTrue();
    }
}
