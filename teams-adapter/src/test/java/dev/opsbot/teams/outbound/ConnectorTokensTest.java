package dev.opsbot.teams.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.teams.TeamsSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** opsbot's own Bot Connector token: client credentials against WireMock as the identity provider. */
class ConnectorTokensTest {
    private static final String PATH = "/tenant-1/oauth2/v2.0/token";
    private static final String SECRET = "s3cr3t-app-password";

    private final WireMockServer idp = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private ConnectorTokens tokens;

    @BeforeEach
    void start() {
        idp.start();
        tokens = tokens(URI.create(idp.baseUrl() + PATH));
    }

    @AfterEach
    void stop() {
        idp.stop();
    }

    @Test
    void aTokenIsFetchedWithClientCredentialsAndReusedUntilFiveMinutesBeforeItExpires() {
        answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"token-1\"}");

        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(idp.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);

        var request = idp.findAll(postRequestedFor(urlPathEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request.getBodyAsString()))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "app-1")
                .containsEntry("client_secret", SECRET)
                .containsEntry("scope", "https://api.botframework.com/.default");

        clock.advance(Duration.ofSeconds(1)); // 55 min: within five minutes of expiry
        tokens.token();
        assertThat(idp.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(2);
    }

    @Test
    void callersArrivingDuringARefreshWaitForItInsteadOfAskingAgain() throws Exception {
        idp.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(300)
                        .withBody("{\"expires_in\":3600,\"access_token\":\"shared\"}")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tokens.token();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(idp.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void aRefusedSecretIsAClearErrorThatIsNotRetriedAndNeverShowsTheSecret() {
        answer(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret"
                        + " provided.\\r\\nTrace ID: 1f2e\"}");

        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage())
                    .contains("app-1", "HTTP 401", "invalid_client", "AADSTS7000215", "teams.appPassword")
                    .doesNotContain(SECRET)
                    .doesNotContain("Trace ID");
        });
    }

    @Test
    void aFailingIdentityProviderIsRetriableAndTheNextCallAsksAgain() {
        answerThen(503, "busy", "{\"expires_in\":3600,\"access_token\":\"t2\"}");

        assertThatThrownBy(tokens::token)
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retriable())
                        .isTrue());
        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void anUnreachableIdentityProviderIsRetriable() {
        idp.stop();

        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.retriable()).isTrue();
            assertThat(e.getMessage()).contains("no answer").doesNotContain(SECRET);
        });
    }

    @Test
    void anAnswerWithoutATokenIsAnError() {
        answer(200, "{\"token_type\":\"Bearer\"}");

        assertThatThrownBy(tokens::token)
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("no access_token");
    }

    @Test
    void aRefusedTokenIsDroppedSoTheNextCallFetchesANewOneButANewerTokenIsKept() {
        answerThen(
                200,
                "{\"expires_in\":3600,\"access_token\":\"old\"}",
                "{\"expires_in\":3600,\"access_token\":\"new\"}");

        String old = tokens.token();
        tokens.invalidate(old);
        assertThat(tokens.token()).isEqualTo("new");
        tokens.invalidate(old); // a late refusal of the old token
        assertThat(tokens.token()).isEqualTo("new");
        assertThat(idp.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(2);
    }

    private ConnectorTokens tokens(URI tokenUrl) {
        TeamsSettings settings = new TeamsSettings(
                "app-1",
                SECRET,
                "tenant-1",
                TeamsSettings.BOT_CONNECTOR_OPENID_METADATA,
                tokenUrl,
                TeamsSettings.DEFAULT_REACTIONS);
        return new ConnectorTokens(settings, HttpClient.newHttpClient(), clock);
    }

    private void answer(int status, String body) {
        idp.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    /** The first request is answered {@code status} with {@code first}, every later one 200 with {@code then}. */
    private void answerThen(int status, String first, String then) {
        idp.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("sequence")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(status).withBody(first))
                .willSetStateTo("answered"));
        idp.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("sequence")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withBody(then)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
