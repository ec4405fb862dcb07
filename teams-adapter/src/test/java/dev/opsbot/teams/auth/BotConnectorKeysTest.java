package dev.opsbot.teams.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.teams.testing.TestBotConnector.Flaw;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** When the signing keys are fetched, counted at the WireMock connector: never per request. */
class BotConnectorKeysTest extends WithTestConnector {
    @Test
    void keysAreFetchedOnceForManyRequests() {
        for (int i = 0; i < 200; i++) {
            assertThat(check(connector.token(SERVICE_URL))).isInstanceOf(TokenCheck.Valid.class);
        }

        assertThat(connector.metadataRequests()).isEqualTo(1);
        assertThat(connector.keyRequests()).isEqualTo(1);
    }

    @Test
    void concurrentFirstRequestsShareOneFetch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TokenCheck>> work = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String token = connector.token(SERVICE_URL);
                work.add(() -> check(token));
            }
            for (Future<TokenCheck> result : pool.invokeAll(work)) {
                assertThat(result.get()).isInstanceOf(TokenCheck.Valid.class);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(connector.keyRequests()).isEqualTo(1);
    }

    @Test
    void rotatedKeyIsFetchedWhenATokenFirstNamesItAndTheOldKeyStaysValid() {
        String old = connector.token(SERVICE_URL);
        assertThat(check(old)).isInstanceOf(TokenCheck.Valid.class);

        connector.rotateKey();
        clock.advance(Duration.ofMinutes(2));
        String rotated = connector.token(SERVICE_URL);

        assertThat(check(rotated)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(check(old)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(connector.keyRequests()).isEqualTo(2);
    }

    @Test
    void unknownKeyIdsRefetchAtMostOnceAMinute() {
        check(connector.token(SERVICE_URL));
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 50; i++) {
            assertThat(check(connector.token(SERVICE_URL, Flaw.UNKNOWN_KEY_ID))).isInstanceOf(TokenCheck.Refused.class);
        }
        assertThat(connector.keyRequests()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(59));
        check(connector.token(SERVICE_URL, Flaw.UNKNOWN_KEY_ID));
        assertThat(connector.keyRequests()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        check(connector.token(SERVICE_URL, Flaw.UNKNOWN_KEY_ID));
        assertThat(connector.keyRequests()).isEqualTo(3);
    }

    @Test
    void keyRotatedWithinAMinuteOfTheLastFetchIsAcceptedOnceTheMinuteIsOver() {
        check(connector.token(SERVICE_URL));
        connector.rotateKey();
        String rotated = connector.token(SERVICE_URL);

        assertThat(check(rotated)).isInstanceOf(TokenCheck.Refused.class);
        clock.advance(Duration.ofSeconds(61));
        assertThat(check(rotated)).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void keysAreFetchedAgainAfterTwentyFourHours() {
        check(connector.token(SERVICE_URL));
        clock.advance(Duration.ofHours(23));
        check(connector.token(SERVICE_URL));
        assertThat(connector.keyRequests()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        check(connector.token(SERVICE_URL));
        check(connector.token(SERVICE_URL));

        assertThat(connector.keyRequests()).isEqualTo(2);
    }

    @Test
    void metadataOutageWithKeysCachedStillValidatesAndRetriesOnceAMinute() {
        check(connector.token(SERVICE_URL));
        connector.metadataDown();
        clock.advance(Duration.ofHours(25));

        for (int i = 0; i < 20; i++) {
            assertThat(check(connector.token(SERVICE_URL))).isInstanceOf(TokenCheck.Valid.class);
        }
        assertThat(connector.metadataRequests())
                .as("one failed refresh, not one per request")
                .isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        connector.metadataUp();
        check(connector.token(SERVICE_URL));
        assertThat(connector.metadataRequests()).isEqualTo(3);
        assertThat(connector.keyRequests()).isEqualTo(2);
    }

    @Test
    void metadataDownFromTheStartRefusesUntilItIsBack() {
        connector.metadataDown();

        TokenCheck check = check(connector.token(SERVICE_URL));
        assertThat(check).isInstanceOfSatisfying(TokenCheck.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(TokenCheck.Reason.UNKNOWN_KEY);
            assertThat(refused.detail()).contains("0 keys");
        });

        connector.metadataUp();
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(connector.token(SERVICE_URL))).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void metadataWithoutUsableKeysKeepsTheKeysAlreadyKnown() {
        check(connector.token(SERVICE_URL));
        connector
                .wireMock()
                .stubFor(
                        com.github.tomakehurst.wiremock.client.WireMock.get(
                                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                                "/v1/.well-known/keys"))
                                .willReturn(
                                        com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                                "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ec-1\"},{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"!\"}]}")));
        clock.advance(Duration.ofHours(25));

        assertThat(check(connector.token(SERVICE_URL))).isInstanceOf(TokenCheck.Valid.class);
        assertThat(connector.keyRequests()).isEqualTo(2);
    }
}
