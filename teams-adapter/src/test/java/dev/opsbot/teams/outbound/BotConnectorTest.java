package dev.opsbot.teams.outbound;

import static dev.opsbot.teams.outbound.TeamsConnectorFixture.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.teams.TeamsSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling, outages, refusals and token trouble at the Bot Connector, as a chat port caller sees them. */
class BotConnectorTest {
    private static final ThreadRef THREAD = new ThreadRef("teams", CHANNEL, "1699999999000");

    private final TeamsConnectorFixture fixture = new TeamsConnectorFixture();
    private final TeamsChatPort chat = fixture.chatPort();

    @BeforeEach
    void seeChannel() {
        fixture.seeChannel();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aThrottledCallWaitsRetryAfterAndIsTriedAgainTwice() {
        fixture.teams.failNext(429, 2, Duration.ofSeconds(1));

        long started = System.nanoTime();
        MessageRef posted = chat.post(THREAD, Reply.text("hello"));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(2_000);
        assertThat(fixture.connectorCalls()).hasSize(3);
        assertThat(fixture.teams.messages(THREAD)).singleElement().satisfies(m -> assertThat(m.id())
                .isEqualTo(posted.messageId()));
    }

    @Test
    void aLongRetryAfterIsCutToTheBoundAndAThirdFailureIsRetriableForTheCaller() {
        fixture.teams.failNext(503, 3, Duration.ofHours(1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> chat.post(THREAD, Reply.text("hello")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 503", "ServiceError", "3 times");
                });

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(waited).isBetween(2 * TeamsConnectorFixture.MAX_RETRY_WAIT.toMillis(), 6_000L);
        assertThat(fixture.connectorCalls()).hasSize(3);
        assertThat(fixture.teams.messages(THREAD)).isEmpty();
    }

    @Test
    void aServerErrorWithoutRetryAfterIsRetriedAfterABackoff() {
        fixture.teams.failNext(500, 1);

        chat.post(THREAD, Reply.text("hello"));

        assertThat(fixture.connectorCalls()).hasSize(2);
        assertThat(fixture.teams.messages(THREAD)).hasSize(1);
    }

    @Test
    void aClientErrorIsNotRetriedAndNamesTheConnectorsErrorCode() {
        assertThatThrownBy(() -> chat.update(new MessageRef(THREAD, "1234"), Reply.text("edit")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("refused PUT", "HTTP 404", "ActivityNotFoundInConversation", "no activity 1234");
                });
        assertThat(fixture.connectorCalls()).hasSize(1);
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        fixture.teams.failNext(401, 1);

        chat.post(THREAD, Reply.text("hello"));

        assertThat(fixture.teams.tokensIssued()).isEqualTo(2);
        assertThat(fixture.connectorCalls())
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer fake-connector-token-1", "Bearer fake-connector-token-2");
    }

    @Test
    void aTokenRefusedTwiceIsAConfigurationErrorNotRetried() {
        fixture.teams.failNext(401, 2);

        assertThatThrownBy(() -> chat.post(THREAD, Reply.text("hello")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("refused opsbot's token", "teams.appPassword");
                });
        assertThat(fixture.connectorCalls()).hasSize(2);
    }

    @Test
    void aWrongAppPasswordFailsBeforeAnythingIsSentAndIsNotRetriable() {
        TeamsSettings wrong = new TeamsSettings(
                fixture.settings.appId(),
                "not-the-password",
                null,
                fixture.settings.openIdMetadataUrl(),
                fixture.settings.tokenUrl(),
                TeamsSettings.DEFAULT_REACTIONS);
        ConnectorTokens tokens = new ConnectorTokens(wrong, HttpClient.newHttpClient(), Clock.systemUTC());
        TeamsChatPort misconfigured = new TeamsChatPort(
                new BotConnector(tokens, HttpClient.newHttpClient(), Duration.ofSeconds(5), Duration.ZERO),
                new AdaptiveCardRenderer(),
                fixture.addresses,
                wrong);

        assertThatThrownBy(() -> misconfigured.post(THREAD, Reply.text("hello")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("invalid_client").doesNotContain("not-the-password");
                });
        assertThat(fixture.connectorCalls()).isEmpty();
    }

    @Test
    void anUnreachableConnectorIsRetriedThenRetriable() {
        fixture.store.remember(
                TeamsSettings.PLATFORM,
                "conversation:19:gone@thread.tacv2",
                "{\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversationId\":\"19:gone@thread.tacv2\","
                        + "\"conversationType\":\"channel\"}",
                fixture.clock.instant());

        assertThatThrownBy(() -> chat.post(new ThreadRef("teams", "19:gone@thread.tacv2", "1"), Reply.text("hi")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("could not reach the Bot Connector at 127.0.0.1");
                });
    }

    @Test
    void pathSegmentsKeepTeamsIdsAsTheSdkWritesThemAndEscapeTheRest() {
        assertThat(BotConnector.segment("19:abc@thread.tacv2;messageid=17"))
                .isEqualTo("19:abc@thread.tacv2;messageid=17");
        assertThat(BotConnector.segment("a b/c?d#é")).isEqualTo("a%20b%2Fc%3Fd%23%C3%A9");
    }
}
