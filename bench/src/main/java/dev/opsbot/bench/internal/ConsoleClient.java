package dev.opsbot.bench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console HTTP API as ARCHITECTURE.md fixes it, over {@link HttpClient} on a small fixed pool. Refuses any
 * host but this machine: a load driver must never be pointed at someone else's server by a typo.
 */
public final class ConsoleClient implements AutoCloseable {
    public static final String BOT_USER = "opsbot";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient http;

    public ConsoleClient(URI base, int threads) {
        this.base = requireLoopback(base);
        this.executor = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().name("http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
    }

    public static URI requireLoopback(URI base) {
        String host = base.getHost();
        if (!"http".equals(base.getScheme()) || !("127.0.0.1".equals(host) || "localhost".equals(host))) {
            throw new Args.UsageException(
                    "--url " + base + ": only http://127.0.0.1:<port> (or localhost) is allowed as a target");
        }
        return base;
    }

    /** Where a posted message went. */
    public record Posted(String id, String thread) {}

    /** {@code POST /api/console/messages}; the response as it came (the caller decides what is an error). */
    public CompletableFuture<HttpResponse<String>> post(String channel, String user, String text, String thread) {
        ObjectNode body = JSON.createObjectNode()
                .put("channel", channel)
                .put("user", user)
                .put("text", text);
        if (thread != null) {
            body.put("thread", thread);
        }
        return postJson("/api/console/messages", body);
    }

    /** {@code POST /api/console/reactions}: {@code user} reacts to {@code message}; the response as it came. */
    public CompletableFuture<HttpResponse<String>> react(String message, String user, String reaction) {
        return postJson(
                "/api/console/reactions",
                JSON.createObjectNode()
                        .put("message", message)
                        .put("user", user)
                        .put("reaction", reaction));
    }

    private CompletableFuture<HttpResponse<String>> postJson(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Reads {@code {"id","thread"}} from a 202 answer. */
    public static Posted posted(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return new Posted(node.path("id").asText(null), node.path("thread").asText(null));
        } catch (IOException e) {
            throw new IllegalStateException("202 answer is not the documented JSON: " + response.body(), e);
        }
    }

    /** One message of a thread as {@code GET /api/console/threads/{thread}} lists it. */
    public record Message(String id, String user, String text, Instant ts) {}

    /** The thread's messages, or empty when the API answers 404. */
    public Optional<List<Message>> thread(String threadId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/console/threads/" + threadId))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET thread " + threadId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : JSON.readTree(response.body()).path("messages")) {
            String ts = m.path("ts").asText(null);
            messages.add(new Message(
                    m.path("id").asText(),
                    m.path("user").asText(),
                    m.path("text").asText(),
                    ts == null ? null : Instant.parse(ts)));
        }
        return Optional.of(messages);
    }

    @Override
    public void close() {
        http.close();
        executor.shutdownNow();
    }
}
