package dev.opsbot.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.http.HttpReply;
import dev.opsbot.tools.http.JsonReplies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs to Argo CD's API: the writes. Never retried, bounded by the context's deadline. A write that gets no answer
 * may still have happened, and the failure says so. Argo CD's own refusal (a 400 with {@code {"message": ...}}: auto-sync
 * enabled, an operation already running) is quoted, because it is the reason a person needs and echoes nothing secret
 * of ours: the body sent holds only a history id and flags.
 */
final class ArgoCdPost {
    private static final String SOURCE = ArgoCdClient.SOURCE;
    private static final int MAX_MESSAGE = 300;

    private final HttpClient http;

    ArgoCdPost(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * @param what the operation in words ({@code the sync of checkout}), for failures
     * @param permission what a 401/403 means the identity lacks
     */
    JsonNode post(
            URI uri, Map<String, String> headers, JsonNode body, ToolContext context, String what, String permission) {
        Duration budget = context.remaining();
        if (budget.isZero()) {
            throw SourceFailure.timeout(SOURCE, Duration.ZERO);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(budget)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpReply reply;
        try {
            HttpResponse<byte[]> response = call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            reply = new HttpReply(uri, response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw unanswered(what, "did not answer in time", SourceFailure.Kind.TIMEOUT);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HttpTimeoutException
                    ? unanswered(what, "did not answer in time", SourceFailure.Kind.TIMEOUT)
                    : unreachable(uri, what, e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw unanswered(what, "was cancelled while waiting", SourceFailure.Kind.TIMEOUT);
        }
        if (reply.status() == 400 || reply.status() == 409 || reply.status() == 412) {
            throw new SourceFailure(
                    SOURCE, SourceFailure.Kind.BAD_REQUEST, "argocd refused " + what + ": " + message(reply), null);
        }
        return JsonReplies.read(SOURCE, reply, permission, what, JsonNodeType.OBJECT);
    }

    private static SourceFailure unanswered(String what, String why, SourceFailure.Kind kind) {
        return new SourceFailure(
                SOURCE, kind, "argocd " + why + " for " + what + ": whether it took effect is unknown", null);
    }

    private static SourceFailure unreachable(URI uri, String what, Throwable cause) {
        String endpoint = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String why = cause instanceof IOException && cause.getMessage() != null
                ? cause.getMessage()
                : SourceFailure.describe(cause);
        return SourceFailure.unavailable(
                SOURCE, "the request for " + what + " to " + endpoint + " failed: " + why, null);
    }

    /** Argo CD's error body is {@code {"error", "code", "message"}}; its message, or the status when there is none. */
    private static String message(HttpReply reply) {
        try {
            JsonNode body = JsonReplies.parse(SOURCE, reply);
            String message = body.path("message").asText("");
            if (!message.isBlank()) {
                return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
            }
        } catch (SourceFailure notJson) {
            // fall through to the status
        }
        return "HTTP " + reply.status();
    }
}
