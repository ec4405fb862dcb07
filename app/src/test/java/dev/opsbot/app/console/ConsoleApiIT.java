package dev.opsbot.app.console;

import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console HTTP API of ARCHITECTURE.md against a real running opsbot (H2 in memory). */
class ConsoleApiIT {
    private static OpsbotApplication app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        app = OpsbotApplication.start(TestApps.inMemory());
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode postMessage(Map<String, String> body) {
        HttpJson.Response response = http.post("/api/console/messages", json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private static JsonNode awaitThread(String thread, int messages) {
        return Eventually.get(
                        Duration.ofSeconds(10),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.status() == 200 && r.json().get("messages").size() >= messages)
                .json();
    }

    @Test
    void aQuestionStartsAThreadAndOpsbotAnswersInIt() {
        JsonNode posted = postMessage(Map.of("channel", "incident-checkout", "user", "alice", "text", "@opsbot help"));
        String thread = posted.get("thread").asText();
        assertThat(posted.get("id").asText()).isEqualTo(thread);

        JsonNode messages = awaitThread(thread, 2).get("messages");

        assertThat(messages.get(0).get("user").asText()).isEqualTo("alice");
        assertThat(messages.get(0).get("blocks").isNull()).isTrue();
        JsonNode answer = messages.get(1);
        assertThat(answer.get("user").asText()).isEqualTo("opsbot");
        assertThat(answer.get("text").asText()).contains("status");
        assertThat(answer.get("blocks").isArray()).isTrue();
        assertThat(answer.get("blocks").get(0).get("type").asText()).isEqualTo("heading");
        assertThat(answer.get("ts").asText()).isNotBlank();
        assertThat(answer.get("attachments").isArray()).isTrue();
        assertThat(answer.get("reactions").isArray()).isTrue();
    }

    @Test
    void aReplyInTheThreadIsAnsweredInTheSameThread() {
        String thread = postMessage(Map.of("channel", "general", "user", "bob", "text", "help"))
                .get("thread")
                .asText();
        awaitThread(thread, 2);

        JsonNode reply = postMessage(Map.of("channel", "general", "user", "bob", "text", "status", "thread", thread));

        assertThat(reply.get("thread").asText()).isEqualTo(thread);
        JsonNode messages = awaitThread(thread, 4).get("messages");
        assertThat(messages.get(3).get("text").asText()).contains(", up ").contains("platforms: console");
    }

    @Test
    void peopleTalkingInAThreadAreLeftAloneUntilTheyAddressOpsbot() {
        String thread = postMessage(Map.of("channel", "general", "user", "bob", "text", "help"))
                .get("thread")
                .asText();
        awaitThread(thread, 2);

        String chatter = postMessage(
                        Map.of("channel", "general", "user", "alice", "text", "I see it too", "thread", thread))
                .get("id")
                .asText();
        Eventually.get(
                Duration.ofSeconds(10), () -> app.stores().eventLedger().isCompleted("console", chatter), done -> done);
        assertThat(http.get("/api/console/threads/" + thread).json().get("messages"))
                .hasSize(3);

        postMessage(Map.of("channel", "general", "user", "alice", "text", "@opsbot what now?", "thread", thread));
        JsonNode messages = awaitThread(thread, 5).get("messages");
        assertThat(messages.get(4).get("text").asText()).contains("what now?").contains("help");
    }

    @Test
    void anAcceptedMessageIsInTheDatabaseBeforeThe202() {
        JsonNode posted = postMessage(Map.of("channel", "general", "user", "alice", "text", "status"));

        assertThat(app.stores().console().find(posted.get("id").asText())).isPresent();
    }

    @Test
    void reactionsAreRecordedOncePerPersonAndCanBeTakenBack() {
        String thread = postMessage(Map.of("channel", "general", "user", "alice", "text", "help"))
                .get("thread")
                .asText();
        String answer = awaitThread(thread, 2).get("messages").get(1).get("id").asText();
        Map<String, String> alice = Map.of("message", answer, "user", "alice", "reaction", "white_check_mark");
        Map<String, String> bob = Map.of("message", answer, "user", "bob", "reaction", "white_check_mark");

        assertThat(http.post("/api/console/reactions", json(alice)).status()).isEqualTo(202);
        assertThat(http.post("/api/console/reactions", json(alice)).status()).isEqualTo(202);
        assertThat(http.post("/api/console/reactions", json(bob)).status()).isEqualTo(202);
        JsonNode reactions = http.get("/api/console/threads/" + thread)
                .json()
                .get("messages")
                .get(1)
                .get("reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.get(0).get("name").asText()).isEqualTo("white_check_mark");
        assertThat(reactions.get(0).get("users").toString()).isEqualTo("[\"alice\",\"bob\"]");

        assertThat(http.delete("/api/console/reactions", json(alice)).status()).isEqualTo(202);
        reactions = http.get("/api/console/threads/" + thread)
                .json()
                .get("messages")
                .get(1)
                .get("reactions");
        assertThat(reactions.get(0).get("users").toString()).isEqualTo("[\"bob\"]");
    }

    @Test
    void aReplyWithAChartShowsTheImageAsAnAttachmentServedWithItsType() throws Exception {
        String thread = postMessage(Map.of("channel", "general", "user", "alice", "text", "help"))
                .get("thread")
                .asText();
        awaitThread(thread, 2);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        Reply chart = Reply.builder("error ratio since 02:30")
                .add(new Block.Image("checkout 5xx ratio", "image/png", png, "5xx ratio rising at 02:33"))
                .build();
        try (ConsoleHub hub = new ConsoleHub()) {
            new ConsoleChatPort(app.stores().console(), hub, new ConsoleJson(new ObjectMapper()), Clock.systemUTC())
                    .post(new ThreadRef("console", "general", thread), chart);
        }

        JsonNode reply = awaitThread(thread, 3).get("messages").get(2);
        JsonNode attachment = reply.get("attachments").get(0);
        assertThat(attachment.get("type").asText()).isEqualTo("image/png");
        assertThat(reply.get("blocks").get(0).get("type").asText()).isEqualTo("image");
        assertThat(reply.get("blocks").get(0).has("data"))
                .as("bytes stay out of the blocks")
                .isFalse();
        HttpResponse<byte[]> image = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                        + attachment.get("url").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(image.body()).isEqualTo(png);
        assertThat(http.get("/api/console/attachments/nope").status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsRefusedWithTheProblemNamed() {
        HttpJson.Response response = http.post("/api/console/messages", "{\"channel\": \"general\", \"user\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText())
                .contains("malformed JSON")
                .contains("line 1");
    }

    @Test
    void aMissingFieldIsNamed() {
        HttpJson.Response response =
                http.post("/api/console/messages", json(Map.of("channel", "general", "text", "hi")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains("'user'");
    }

    @Test
    void anUnknownUserIsRefusedWithTheKnownOnesListed() {
        HttpJson.Response response =
                http.post("/api/console/messages", json(Map.of("channel", "general", "user", "eve", "text", "hi")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains("eve").contains("alice, bob, mallory");
    }

    @Test
    void aMessageOverTheLimitIsRefusedAs413AndNotStored() {
        long before = app.stores().console().count();
        String huge = "x".repeat(40_001);

        HttpJson.Response response =
                http.post("/api/console/messages", json(Map.of("channel", "general", "user", "alice", "text", huge)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asText()).contains("40001").contains("40000");
        assertThat(app.stores().console().count()).isEqualTo(before);
    }

    @Test
    void aMessageOfExactlyTheLimitIsAccepted() {
        String atLimit = "y".repeat(40_000);

        HttpJson.Response response = http.post(
                "/api/console/messages", json(Map.of("channel", "general", "user", "alice", "text", atLimit)));

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void anUnknownThreadIs404ForReadingAndForReplying() {
        assertThat(http.get("/api/console/threads/nope").status()).isEqualTo(404);

        HttpJson.Response reply = http.post(
                "/api/console/messages",
                json(Map.of("channel", "general", "user", "alice", "text", "hi", "thread", "nope")));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("nope");
    }

    @Test
    void reactionsToUnknownMessagesOrWithBadNamesAreRefused() {
        HttpJson.Response unknown =
                http.post("/api/console/reactions", json(Map.of("message", "nope", "user", "alice", "reaction", "x")));
        assertThat(unknown.status()).isEqualTo(404);

        String thread = postMessage(Map.of("channel", "general", "user", "alice", "text", "hello"))
                .get("thread")
                .asText();
        HttpJson.Response badName = http.post(
                "/api/console/reactions", json(Map.of("message", thread, "user", "alice", "reaction", "<script>")));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("error").asText()).contains("white_check_mark");
    }

    @Test
    void openPagesSeeNewMessagesAsServerSentEvents() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/console/events"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        if (line.contains("\"user\":\"opsbot\"")) {
                            return;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Eventually.get(Duration.ofSeconds(5), () -> app.stores() != null, ok -> ok);

        String id = postMessage(Map.of("channel", "general", "user", "mallory", "text", "status"))
                .get("id")
                .asText();

        reader.get(10, TimeUnit.SECONDS);
        synchronized (lines) {
            assertThat(lines).contains("event: message");
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line).startsWith("data:").contains(id));
            assertThat(lines)
                    .anySatisfy(line ->
                            assertThat(line).contains("\"kind\":\"created\"").contains("opsbot"));
        }
    }
}
