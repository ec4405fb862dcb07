package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.teams.TeamsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot's own token for the Bot Connector: OAuth2 client credentials ({@code client_id} = the app id,
 * {@code client_secret} = the app password, scope {@value #SCOPE}) posted to {@link TeamsSettings#tokenUrl()}.
 *
 * <p>A token is reused until {@link #REFRESH_BEFORE} before it expires; when several threads need a new one, one
 * of them fetches it and the others wait for that answer instead of asking too. MSAL4J (which the SDK uses) is left
 * out on purpose: it first runs instance discovery against login.microsoftonline.com, which a test cannot redirect.
 *
 * <p>Failures become {@link ChatDeliveryException} naming the token endpoint and the identity provider's error code;
 * neither the secret nor a token is ever put in a message or a log line.
 */
public final class ConnectorTokens {
    public static final String SCOPE = "https://api.botframework.com/.default";
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorTokens.class);

    private record Token(String value, Instant expiresAt) {}

    private final TeamsSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;

    public ConnectorTokens(TeamsSettings settings, HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ConnectorTokens(TeamsSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), Clock.systemUTC());
    }

    /** A valid bearer token, fetched when there is none or it expires within {@link #REFRESH_BEFORE}. */
    public String token() {
        Token token = current;
        if (fresh(token)) {
            return token.value();
        }
        refreshing.lock();
        try {
            token = current;
            if (fresh(token)) {
                return token.value(); // another thread refreshed while this one waited
            }
            current = fetch();
            return current.value();
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Forgets {@code token} when it is still the cached one (the Bot Connector refused it): the next {@link #token()}
     * fetches a new one. A token refreshed meanwhile by another thread is kept.
     */
    public void invalidate(String token) {
        refreshing.lock();
        try {
            Token cached = current;
            if (cached != null && cached.value().equals(token)) {
                current = null;
            }
        } finally {
            refreshing.unlock();
        }
    }

    private boolean fresh(Token token) {
        return token != null && clock.instant().isBefore(token.expiresAt().minus(REFRESH_BEFORE));
    }

    private Token fetch() {
        Instant askedAt = clock.instant();
        HttpResponse<String> response = post();
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            boolean retriable = response.statusCode() >= 500 || response.statusCode() == 429;
            throw failure(
                    "HTTP " + response.statusCode() + " " + body.path("error").asText("") + ": "
                            + firstLine(body.path("error_description").asText("")),
                    retriable,
                    null);
        }
        String value = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (value.isBlank() || expiresIn <= 0) {
            throw failure("the answer has no access_token or expires_in", true, null);
        }
        LOG.debug("Bot Connector token for app {} valid for {} s", settings.appId(), expiresIn);
        return new Token(value, askedAt.plusSeconds(expiresIn));
    }

    private HttpResponse<String> post() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.appId()) + "&client_secret="
                + encode(settings.appPassword()) + "&scope=" + encode(SCOPE);
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure("no answer (" + e.getClass().getSimpleName() + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for it", true, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return ConnectorJson.mapper().readTree(response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            throw failure("HTTP " + response.statusCode() + " with a body that is not JSON", true, e);
        }
    }

    private ChatDeliveryException failure(String why, boolean retriable, Throwable cause) {
        return new ChatDeliveryException(
                "could not get a Bot Connector token for app " + settings.appId() + " from " + endpoint() + ": " + why
                        + (retriable ? "" : "; check teams.appId, teams.appPassword and teams.tenantId"),
                retriable,
                cause);
    }

    private String endpoint() {
        URI url = settings.tokenUrl();
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
