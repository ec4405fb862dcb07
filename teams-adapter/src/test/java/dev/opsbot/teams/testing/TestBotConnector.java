package dev.opsbot.teams.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.teams.TeamsSettings;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The Bot Connector's side of inbound authentication, for tests: a WireMock server announcing OpenID metadata and a
 * JWKS with a freshly generated RSA key (endorsed for {@code msteams}), and tokens signed with it.
 *
 * <pre>{@code
 * try (TestBotConnector connector = new TestBotConnector()) {
 *     TeamsSettings settings = connector.settings(tokenUrl);
 *     var headers = TestBotConnector.headers(connector.token(Activities.SERVICE_URL));
 *     endpoint.handle(Activities.message("1700000000001", "hi").mentioningBot().json(), headers);
 * }
 * }</pre>
 *
 * A token's {@code serviceurl} claim is whatever the test passes: pass another URL than the activity's to test that
 * rule.
 */
public final class TestBotConnector implements AutoCloseable {
    /** The app id tokens are issued for (their audience). */
    public static final String APP_ID = "6d1f3a0e-0b5e-4c3a-9f1b-0b5b07e57a99";
    /** How Teams names the bot in activities: {@code 28:} and the app id. */
    public static final String BOT_ID = "28:" + APP_ID;

    static final String METADATA_PATH = "/v1/.well-known/openidconfiguration";
    static final String KEYS_PATH = "/v1/.well-known/keys";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with a token from {@link #token(String, Flaw)}. */
    public enum Flaw {
        /** Nothing: a valid token. */
        NONE,
        /** Expired ten minutes ago (beyond the five minutes of clock skew). */
        EXPIRED,
        /** Valid only from ten minutes from now. */
        NOT_YET_VALID,
        /** Issued for another app id. */
        WRONG_AUDIENCE,
        /** Issued by another issuer (the emulator's). */
        WRONG_ISSUER,
        /** Signed by a key nobody announced, under the announced key's id. */
        WRONG_KEY,
        /** Names a key id the metadata does not announce. */
        UNKNOWN_KEY_ID,
        /** Has no {@code serviceurl} claim. */
        NO_SERVICE_URL
    }

    private record SigningKey(String id, KeyPair pair) {}

    private final WireMockServer server;
    private final Clock clock;
    private final List<SigningKey> announced = new ArrayList<>();
    private final KeyPair stranger = newKeyPair();
    private int rotations;

    /** Starts on a free port, tokens dated by the system clock. */
    public TestBotConnector() {
        this(Clock.systemUTC());
    }

    /** Starts on a free port; tokens are issued at {@code clock}'s now. */
    public TestBotConnector(Clock clock) {
        this.clock = clock;
        this.server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        announced.add(new SigningKey("opsbot-test-key-1", newKeyPair()));
        metadataUp();
    }

    /** Where the metadata is: {@link TeamsSettings#openIdMetadataUrl()}. */
    public URI openIdMetadataUrl() {
        return URI.create(server.baseUrl() + METADATA_PATH);
    }

    /** Settings for {@link #APP_ID} with this connector's metadata, the default reactions and {@code tokenUrl}. */
    public TeamsSettings settings(URI tokenUrl) {
        return new TeamsSettings(
                APP_ID, "test-app-password", null, openIdMetadataUrl(), tokenUrl, TeamsSettings.DEFAULT_REACTIONS);
    }

    /** A valid token for activities that name {@code serviceUrl}. */
    public String token(String serviceUrl) {
        return token(serviceUrl, Flaw.NONE);
    }

    /** A token for activities naming {@code serviceUrl}, with {@code flaw}. */
    public String token(String serviceUrl, Flaw flaw) {
        SigningKey key = announced.get(0);
        Instant now = clock.instant();
        var jwt = JWT.create()
                .withKeyId(flaw == Flaw.UNKNOWN_KEY_ID ? "never-announced" : key.id())
                .withIssuer(
                        flaw == Flaw.WRONG_ISSUER
                                ? "https://sts.windows.net/emulator/"
                                : TeamsSettings.BOT_CONNECTOR_ISSUER)
                .withAudience(flaw == Flaw.WRONG_AUDIENCE ? "00000000-0000-0000-0000-000000000000" : APP_ID)
                .withIssuedAt(Date.from(now.minus(Duration.ofMinutes(flaw == Flaw.EXPIRED ? 70 : 1))))
                .withNotBefore(Date.from(
                        flaw == Flaw.NOT_YET_VALID
                                ? now.plus(Duration.ofMinutes(10))
                                : now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(
                        flaw == Flaw.EXPIRED ? now.minus(Duration.ofMinutes(10)) : now.plus(Duration.ofHours(1))));
        if (flaw != Flaw.NO_SERVICE_URL) {
            jwt.withClaim("serviceurl", serviceUrl);
        }
        KeyPair signer = flaw == Flaw.WRONG_KEY ? stranger : key.pair();
        return jwt.sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
    }

    /** The headers the connector sends with {@code token}. */
    public static Map<String, List<String>> headers(String token) {
        return Map.of(
                "Authorization", List.of("Bearer " + token),
                "Content-Type", List.of("application/json; charset=utf-8"));
    }

    /**
     * Microsoft's key rotation: announces a new key next to the old ones and signs every later token with it.
     *
     * @return the new key's id
     */
    public String rotateKey() {
        String id = "opsbot-test-key-" + (2 + rotations++);
        announced.add(0, new SigningKey(id, newKeyPair()));
        metadataUp();
        return id;
    }

    /** The metadata and key endpoints answer 503 from now on (what was fetched before stays valid). */
    public void metadataDown() {
        server.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(aResponse().withStatus(503)));
    }

    /** The metadata and the announced keys are served (again). */
    public void metadataUp() {
        ObjectNode metadata = JSON.createObjectNode()
                .put("issuer", TeamsSettings.BOT_CONNECTOR_ISSUER)
                .put("authorization_endpoint", "https://invalid.botframework.com")
                .put("jwks_uri", server.baseUrl() + KEYS_PATH);
        metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
        metadata.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        server.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson(metadata.toString())));
        server.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(okJson(jwks().toString())));
    }

    /** How often the metadata was fetched. */
    public int metadataRequests() {
        return server.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(METADATA_PATH)).build())
                .getCount();
    }

    /** How often the keys were fetched. */
    public int keyRequests() {
        return server.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(KEYS_PATH)).build())
                .getCount();
    }

    /** The server itself, for stubs of one's own. */
    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private ObjectNode jwks() {
        ObjectNode jwks = JSON.createObjectNode();
        ArrayNode keys = jwks.putArray("keys");
        for (SigningKey key : announced) {
            RSAPublicKey pub = (RSAPublicKey) key.pair().getPublic();
            ObjectNode jwk = keys.addObject()
                    .put("kty", "RSA")
                    .put("use", "sig")
                    .put("kid", key.id())
                    .put("n", base64Url(pub.getModulus()))
                    .put("e", base64Url(pub.getPublicExponent()));
            jwk.putArray("endorsements").add("msteams");
        }
        return jwks;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // the sign byte is no part of the key
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }
}
