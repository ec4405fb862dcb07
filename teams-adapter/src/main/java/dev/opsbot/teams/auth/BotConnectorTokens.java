package dev.opsbot.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.auth.TokenCheck.Reason;
import dev.opsbot.teams.auth.TokenCheck.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the {@code Authorization: Bearer <JWT>} the Bot Connector puts on every activity it sends opsbot: signed
 * (RS256 only) by a key the connector's OpenID metadata announces, issued by {@value
 * TeamsSettings#BOT_CONNECTOR_ISSUER} for this bot's app id, within its lifetime give or take five minutes.
 * {@link TokenCheck.Valid#admits} adds the checks that need the activity (channel endorsement, {@code serviceurl}).
 *
 * <p>The signature is checked before any claim, so that a refusal's reason says what is wrong with a token the
 * connector really signed, and a forged token only ever learns "signature".
 */
public final class BotConnectorTokens {
    /** How far the clocks of the connector and opsbot may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String RS256 = "RS256";
    private static final String BEARER = "bearer ";
    /**
     * One decoder for every request: the static {@code JWT.decode} builds a new Jackson {@code ObjectMapper} and its
     * deserializers per token, which was half of this check's time and most of its garbage on the ack path. The
     * decoder's readers are thread-safe.
     */
    private static final JWT DECODER = new JWT();

    private final String appId;
    private final BotConnectorKeys keys;
    private final Clock clock;

    /** Tokens for {@code settings.appId()}, keys found through {@code settings.openIdMetadataUrl()}. */
    public BotConnectorTokens(TeamsSettings settings, Clock clock) {
        this(settings.appId(), new BotConnectorKeys(settings.openIdMetadataUrl(), clock), clock);
    }

    public BotConnectorTokens(String appId, BotConnectorKeys keys, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Everything at once: {@link #verify} and then {@link TokenCheck.Valid#admits}. */
    public TokenCheck check(String authorization, String activityServiceUrl, String channelId) {
        TokenCheck check = verify(authorization);
        return check instanceof TokenCheck.Valid valid ? valid.admits(activityServiceUrl, channelId) : check;
    }

    /** The token alone: what can be checked before the request's body is read. */
    public TokenCheck verify(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Refused(Reason.NO_TOKEN, "no 'Authorization: Bearer' header");
        }
        DecodedJWT jwt;
        try {
            jwt = DECODER.decodeJwt(authorization.substring(BEARER.length()).strip());
        } catch (JWTDecodeException | IllegalArgumentException e) {
            return new Refused(Reason.MALFORMED, "not a JWT");
        }
        if (!RS256.equals(jwt.getAlgorithm())) {
            return new Refused(Reason.ALGORITHM, "alg " + jwt.getAlgorithm() + ", only " + RS256 + " is accepted");
        }
        if (jwt.getKeyId() == null) {
            return new Refused(Reason.UNKNOWN_KEY, "the token names no key id");
        }
        Optional<BotConnectorKeys.SigningKey> key = keys.find(jwt.getKeyId());
        if (key.isEmpty()) {
            return new Refused(
                    Reason.UNKNOWN_KEY,
                    "key id " + jwt.getKeyId() + " is not among the " + keys.size() + " keys the connector announces");
        }
        try {
            Algorithm.RSA256(key.get().key(), null).verify(jwt);
        } catch (SignatureVerificationException e) {
            return new Refused(Reason.SIGNATURE, "signature does not match key " + jwt.getKeyId());
        }
        return claims(jwt, key.get());
    }

    private TokenCheck claims(DecodedJWT jwt, BotConnectorKeys.SigningKey key) {
        if (!TeamsSettings.BOT_CONNECTOR_ISSUER.equals(jwt.getIssuer())) {
            return new Refused(Reason.ISSUER, "issuer " + jwt.getIssuer());
        }
        List<String> audience = jwt.getAudience();
        if (audience == null || !audience.contains(appId)) {
            return new Refused(Reason.AUDIENCE, "audience " + audience + ", this bot is " + appId);
        }
        Instant now = clock.instant();
        Date expires = jwt.getExpiresAt();
        if (expires == null || expires.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            return new Refused(Reason.EXPIRED, expires == null ? "no exp claim" : "expired at " + expires.toInstant());
        }
        Date notBefore = jwt.getNotBefore();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            return new Refused(Reason.NOT_YET_VALID, "valid from " + notBefore.toInstant());
        }
        String serviceUrl =
                jwt.getClaim(AuthenticationConstants.SERVICE_URL_CLAIM).asString();
        return new TokenCheck.Valid(serviceUrl, key.endorsements());
    }
}
