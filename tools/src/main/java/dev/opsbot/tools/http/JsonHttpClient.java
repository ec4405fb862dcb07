package dev.opsbot.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs for one source, each bounded by the context's deadline (connect, headers and body together), with transport
 * failures translated into {@link SourceFailure}. Headers (which carry tokens) are sent and never logged.
 */
public final class JsonHttpClient {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(JsonHttpClient.class);

    private final String source;
    private final HttpClient http;

    public JsonHttpClient(String source, Duration connectTimeout) {
        this.source = Objects.requireNonNull(source, "source");
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public String source() {
        return source;
    }

    /** GETs {@code uri}; any status comes back as a reply, only transport failures throw. */
    public HttpReply get(URI uri, Map<String, String> headers, ToolContext context) {
        Duration budget = context.remaining();
        if (budget.isZero()) {
            throw SourceFailure.timeout(source, Duration.ZERO);
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(budget).GET();
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException invalid) {
            // the JDK names the header, never its value; say no more than that
            throw new SourceFailure(
                    source,
                    SourceFailure.Kind.BAD_REQUEST,
                    "a request header for " + source + " is not a valid HTTP header (check the configured token)",
                    null);
        }
        log.debug("{}: GET {}", source, uri.getRawPath());
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpReply(uri, response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw SourceFailure.timeout(source, budget);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), budget, uri);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceFailure(source, SourceFailure.Kind.TIMEOUT, "the call to " + source + " was cancelled", e);
        }
    }

    /** GETs {@code uri} and reads a JSON object, translating error statuses (see {@link JsonReplies#read}). */
    public JsonNode getJson(URI uri, Map<String, String> headers, ToolContext context, String permission, String what) {
        return JsonReplies.read(source, get(uri, headers, context), permission, what, JsonNodeType.OBJECT);
    }

    private SourceFailure transportFailure(Throwable cause, Duration budget, URI uri) {
        String endpoint = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (cause instanceof HttpTimeoutException) {
            return SourceFailure.timeout(source, budget);
        }
        if (cause instanceof ConnectException) {
            return SourceFailure.unavailable(source, "cannot connect to " + endpoint + " (connection refused)", null);
        }
        if (cause instanceof IOException) {
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return SourceFailure.unavailable(source, "the connection to " + endpoint + " failed: " + why, null);
        }
        return SourceFailure.unavailable(source, "the call to " + endpoint + " failed: " + cause, null);
    }
}
