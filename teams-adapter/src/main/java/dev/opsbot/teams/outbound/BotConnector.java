package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opsbot.core.chat.ChatDeliveryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bot Connector REST v3 call: the SDK's JSON, opsbot's bearer token, and the failure rules in one place.
 *
 * <ul>
 *   <li>HTTP 429 and 5xx, and a connection that could not be opened, are tried again {@value #RETRIES} times,
 *       waiting {@code Retry-After} (or a short backoff) but never longer than the configured bound; then the caller
 *       gets a retriable {@link ChatDeliveryException}.
 *   <li>HTTP 401: the token is dropped and the call repeated once with a new one (a token revoked early); a second
 *       401 is a configuration problem and not retriable.
 *   <li>Any other 4xx is not retriable; the message names the connector's error code and text.
 *   <li>A timeout is not repeated here (the message may have arrived); the caller gets a retriable exception.
 * </ul>
 */
public final class BotConnector {
    public static final int RETRIES = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BotConnector.class);

    private final ConnectorTokens tokens;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxRetryWait;

    public BotConnector(ConnectorTokens tokens, HttpClient http, Duration timeout, Duration maxRetryWait) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    }

    public BotConnector(ConnectorTokens tokens) {
        this(
                tokens,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                DEFAULT_TIMEOUT,
                DEFAULT_MAX_RETRY_WAIT);
    }

    <T> T post(String serviceUrl, String path, Object body, Class<T> answer) {
        return call("POST", serviceUrl, path, body, answer);
    }

    <T> T put(String serviceUrl, String path, Object body, Class<T> answer) {
        return call("PUT", serviceUrl, path, body, answer);
    }

    <T> T get(String serviceUrl, String path, Class<T> answer) {
        return call("GET", serviceUrl, path, null, answer);
    }

    /**
     * One path segment as the SDK's REST client writes it: Teams ids keep their {@code :}, {@code @}, {@code ;} and
     * {@code =} (as in {@code 19:abc@thread.tacv2;messageid=1}); only what cannot stand in a path is escaped.
     */
    static String segment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || " \"<>^`{}|\\?#/%".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private <T> T call(String method, String serviceUrl, String path, Object body, Class<T> answer) {
        String what = method + " " + path;
        String json = body == null ? null : write(body, what);
        boolean tokenRenewed = false;
        for (int attempt = 1; ; attempt++) {
            String token = tokens.token();
            HttpResponse<String> response = send(method, URI.create(serviceUrl + path), json, token, what, attempt);
            if (response == null) {
                pause(what, "no connection", Duration.ofMillis(200L * attempt), attempt);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(response.body(), answer, what);
            }
            if (status == 401 && !tokenRenewed) {
                tokens.invalidate(token);
                tokenRenewed = true;
                attempt--; // a renewed token is not a retry
                continue;
            }
            ConnectorError error = ConnectorError.of(response);
            if (status == 401) {
                throw new ChatDeliveryException(
                        "the Bot Connector refused opsbot's token for " + what + " (" + error
                                + "); check teams.appId and teams.appPassword",
                        false,
                        null);
            }
            boolean retriable = status == 429 || status >= 500;
            if (!retriable) {
                throw new ChatDeliveryException("the Bot Connector refused " + what + ": " + error, false, null);
            }
            if (attempt > RETRIES) {
                throw new ChatDeliveryException(
                        "the Bot Connector answered " + what + " with " + error + " " + attempt + " times", true, null);
            }
            pause(what, "HTTP " + status, RetryAfter.wait(response, attempt, maxRetryWait), attempt);
        }
    }

    /** The response, or null when the connection could not be opened and a retry is left. */
    private HttpResponse<String> send(String method, URI uri, String json, String token, String what, int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("User-Agent", "opsbot");
        if (json != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            if (attempt > RETRIES) {
                throw new ChatDeliveryException(
                        "could not reach the Bot Connector at " + uri.getHost() + " for " + what, true, e);
            }
            return null;
        } catch (HttpTimeoutException e) {
            throw new ChatDeliveryException(
                    "the Bot Connector did not answer " + what + " within " + timeout.toSeconds() + " s", true, e);
        } catch (IOException e) {
            throw new ChatDeliveryException("the Bot Connector call " + what + " failed: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted during " + what, true, e);
        }
    }

    private static void pause(String what, String why, Duration wait, int attempt) {
        LOG.warn(
                "Bot Connector {} for {}; trying again in {} ms (attempt {} of {})",
                why,
                what,
                wait.toMillis(),
                attempt + 1,
                RETRIES + 1);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted while waiting to retry " + what, true, e);
        }
    }

    private static String write(Object body, String what) {
        try {
            return ConnectorJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body of " + what + " as JSON", e);
        }
    }

    private static <T> T read(String body, Class<T> answer, String what) {
        if (answer == Void.class || body == null || body.isBlank()) {
            return null;
        }
        try {
            return ConnectorJson.mapper().readValue(body, answer);
        } catch (JsonProcessingException e) {
            throw new ChatDeliveryException(
                    "the Bot Connector answered " + what + " with something that is not a " + answer.getSimpleName(),
                    false,
                    e);
        }
    }
}
