package dev.opsbot.bench.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JSON {@code POST}s to one endpoint on this machine, the way a chat platform delivers events: HTTP/1.1,
 * {@code java.net.http} on a fixed pool of its own (named, so {@link ThreadCpu} shows the sender's share), 10 s
 * timeouts. The caller adds its platform's headers to {@link #request}. Loopback targets only, like {@link
 * ConsoleClient}.
 */
public final class JsonPoster implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final ExecutorService executor;
    private final HttpClient http;

    /** @param threadName the pool's thread name prefix, e.g. {@code slack-http-} */
    public JsonPoster(URI base, String path, int threads, String threadName) {
        this.endpoint = ConsoleClient.requireLoopback(base).resolve(path);
        this.executor = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().name(threadName, 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
    }

    /** A {@code POST} of {@code body} as {@code application/json}; add headers, then {@link #send} it. */
    public HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
        executor.shutdownNow();
    }
}
