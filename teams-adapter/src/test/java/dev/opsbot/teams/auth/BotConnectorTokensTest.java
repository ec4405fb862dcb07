package dev.opsbot.teams.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.auth.TokenCheck.Reason;
import dev.opsbot.teams.testing.TestBotConnector;
import dev.opsbot.teams.testing.TestBotConnector.Flaw;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotConnectorTokensTest extends WithTestConnector {
    @Test
    void tokenTheConnectorSignedForThisBotAndServiceUrlIsValid() {
        TokenCheck check = check(connector.token(SERVICE_URL));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> {
            assertThat(valid.serviceUrl()).isEqualTo(SERVICE_URL);
            assertThat(valid.endorsements()).containsExactly("msteams");
        });
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "EXPIRED, EXPIRED",
        "NOT_YET_VALID, NOT_YET_VALID",
        "WRONG_AUDIENCE, AUDIENCE",
        "WRONG_ISSUER, ISSUER",
        "WRONG_KEY, SIGNATURE",
        "UNKNOWN_KEY_ID, UNKNOWN_KEY",
        "NO_SERVICE_URL, SERVICE_URL"
    })
    void flawedTokenIsRefusedWithTheReasonForTheLog(Flaw flaw, Reason reason) {
        String token = connector.token(SERVICE_URL, flaw);

        TokenCheck check = check(token);

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.toString()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        });
    }

    @Test
    void tokenForAnotherServiceUrlCannotCarryThisActivity() {
        String token = connector.token("https://smba.evil.example/emea/");

        assertThat(check(token))
                .isInstanceOfSatisfying(TokenCheck.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(Reason.SERVICE_URL));
        assertThat(tokens.check("Bearer " + connector.token(SERVICE_URL), null, "msteams"))
                .isInstanceOf(TokenCheck.Refused.class);
    }

    @Test
    void serviceUrlIsComparedIgnoringCaseAsTheBotFrameworkDoes() {
        assertThat(tokens.check("Bearer " + connector.token(SERVICE_URL), SERVICE_URL.toUpperCase(), "msteams"))
                .isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void keyNotEndorsedForTheActivitysChannelIsRefused() {
        TokenCheck check = tokens.check("Bearer " + connector.token(SERVICE_URL), SERVICE_URL, "webchat");

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo(Reason.CHANNEL_NOT_ENDORSED));
    }

    @Test
    void missingOrOtherSchemeOrGarbageIsRefusedWithoutFetchingKeys() {
        assertThat(reason(tokens.verify(null))).isEqualTo(Reason.NO_TOKEN);
        assertThat(reason(tokens.verify(""))).isEqualTo(Reason.NO_TOKEN);
        assertThat(reason(tokens.verify("Bearer "))).isEqualTo(Reason.NO_TOKEN);
        assertThat(reason(tokens.verify("Basic dXNlcjpwYXNz"))).isEqualTo(Reason.NO_TOKEN);
        assertThat(reason(tokens.verify("Bearer not-a-jwt"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(tokens.verify("Bearer a.b.c"))).isEqualTo(Reason.MALFORMED);

        assertThat(connector.metadataRequests()).isZero();
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(tokens.check("bearer " + connector.token(SERVICE_URL), SERVICE_URL, "msteams"))
                .isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void unsignedAndSymmetricallySignedTokensAreRefusedBeforeAnyKeyIsLookedUp() {
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"opsbot-test-key-1\"}") + "."
                + base64("{\"iss\":\"" + TeamsSettings.BOT_CONNECTOR_ISSUER + "\",\"aud\":\"" + TestBotConnector.APP_ID
                        + "\",\"serviceurl\":\"" + SERVICE_URL + "\",\"exp\":9999999999}")
                + ".";
        // HS256 with the public key's bytes as the secret: the classic confusion attack
        String hs256 = JWT.create()
                .withKeyId("opsbot-test-key-1")
                .withIssuer(TeamsSettings.BOT_CONNECTOR_ISSUER)
                .withAudience(TestBotConnector.APP_ID)
                .withClaim("serviceurl", SERVICE_URL)
                .withExpiresAt(Date.from(clock.instant().plus(Duration.ofHours(1))))
                .sign(Algorithm.HMAC256("public-key-bytes"));

        assertThat(reason(check(none))).isEqualTo(Reason.ALGORITHM);
        assertThat(reason(check(hs256))).isEqualTo(Reason.ALGORITHM);
        assertThat(connector.metadataRequests()).isZero();
    }

    @Test
    void fiveMinutesOfClockSkewAreForgivenAndNoMore() {
        String token = connector.token(SERVICE_URL); // expires in an hour, valid from a minute ago

        clock.advance(Duration.ofMinutes(64));
        assertThat(check(token)).isInstanceOf(TokenCheck.Valid.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reason(check(token))).isEqualTo(Reason.EXPIRED);

        String early = connector.token(SERVICE_URL); // nbf a minute before the connector's now
        clock.advance(Duration.ofMinutes(-5)); // opsbot's clock now 4 minutes behind nbf
        assertThat(check(early)).isInstanceOf(TokenCheck.Valid.class);
        clock.advance(Duration.ofMinutes(-2));
        assertThat(reason(check(early))).isEqualTo(Reason.NOT_YET_VALID);
    }

    private static Reason reason(TokenCheck check) {
        assertThat(check).isInstanceOf(TokenCheck.Refused.class);
        return ((TokenCheck.Refused) check).reason();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
