package dev.opsbot.teams.auth;

import com.auth0.jwk.InvalidPublicKeyException;
import com.auth0.jwk.Jwk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector's token signing keys, as its OpenID metadata announces them ({@code jwks_uri}). Requests read
 * them without a lock and without the network. They are fetched again every 24 hours, and when a token names a key
 * id not known here (Microsoft announces a new key before signing with it), but at most once a minute, so that tokens
 * with made-up key ids cannot turn opsbot into a load generator against the metadata endpoint. A failed fetch keeps
 * the keys already known: an outage of the metadata endpoint does not stop opsbot from checking tokens.
 */
public final class BotConnectorKeys {
    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(BotConnectorKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A signing key and the channels ({@code msteams}, {@code webchat}, ...) it is endorsed for; empty when the key
     * names none.
     */
    public record SigningKey(String id, RSAPublicKey key, List<String> endorsements) {
        public SigningKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(key, "key");
            endorsements = List.copyOf(endorsements);
        }
    }

    private record Snapshot(Map<String, SigningKey> keys, Instant fetchedAt) {}

    private final URI metadataUrl;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);
    private volatile Instant lastAttempt = Instant.MIN;

    public BotConnectorKeys(URI metadataUrl, Clock clock) {
        this(metadataUrl, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), clock);
    }

    public BotConnectorKeys(URI metadataUrl, HttpClient http, Clock clock) {
        this.metadataUrl = Objects.requireNonNull(metadataUrl, "metadataUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The key {@code keyId} names. Only an unknown id or keys older than 24 hours may cost a fetch; while one request
     * refreshes stale keys, the others go on with the keys they have.
     */
    public Optional<SigningKey> find(String keyId) {
        Snapshot current = snapshot;
        if (current.keys().containsKey(keyId)) {
            if (isStale(current) && fetching.tryLock()) {
                try {
                    if (isStale(snapshot) && mayFetch()) {
                        fetch();
                    }
                } finally {
                    fetching.unlock();
                }
            }
            return Optional.ofNullable(snapshot.keys().get(keyId));
        }
        fetching.lock();
        try {
            // another request may have fetched the new key while this one waited
            if (!snapshot.keys().containsKey(keyId) && mayFetch()) {
                fetch();
            }
            return Optional.ofNullable(snapshot.keys().get(keyId));
        } finally {
            fetching.unlock();
        }
    }

    /** How many keys are known: for a refusal's reason (none at all means the metadata was never reachable). */
    public int size() {
        return snapshot.keys().size();
    }

    private boolean isStale(Snapshot s) {
        return !s.fetchedAt().plus(MAX_AGE).isAfter(clock.instant());
    }

    private boolean mayFetch() {
        return !lastAttempt.plus(MIN_INTERVAL).isAfter(clock.instant());
    }

    private void fetch() {
        lastAttempt = clock.instant();
        try {
            JsonNode metadata = get(metadataUrl);
            String jwksUri = metadata.path("jwks_uri").asText("");
            if (jwksUri.isBlank()) {
                throw new IOException("the OpenID metadata names no jwks_uri");
            }
            Map<String, SigningKey> keys = parse(get(URI.create(jwksUri)).path("keys"));
            if (keys.isEmpty()) {
                throw new IOException(jwksUri + " announces no RSA signing keys");
            }
            snapshot = new Snapshot(Map.copyOf(keys), clock.instant());
            log.info("Bot Connector signing keys from {}: {}", jwksUri, keys.keySet());
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "could not fetch the Bot Connector signing keys via {} (keeping the {} known, next try in {}): {}",
                    metadataUrl,
                    snapshot.keys().size(),
                    MIN_INTERVAL,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while fetching the Bot Connector signing keys; keeping the known ones");
        }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static Map<String, SigningKey> parse(JsonNode jwks) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        for (JsonNode node : jwks) {
            String kid = node.path("kid").asText("");
            if (kid.isBlank() || !"RSA".equals(node.path("kty").asText())) {
                continue; // only RSA keys can check RS256
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = JSON.convertValue(node, Map.class);
                keys.put(
                        kid,
                        new SigningKey(
                                kid, (RSAPublicKey) Jwk.fromValues(values).getPublicKey(), endorsements(node)));
            } catch (InvalidPublicKeyException | RuntimeException e) {
                log.warn("skipping the Bot Connector signing key {}: {}", kid, e.toString());
            }
        }
        return keys;
    }

    private static List<String> endorsements(JsonNode key) {
        List<String> channels = new ArrayList<>();
        key.path("endorsements").forEach(channel -> channels.add(channel.asText()));
        return channels;
    }
}
