package dev.opsbot.slack.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.opsbot.slack.outbound.SlackApiStub.form;
import static dev.opsbot.slack.outbound.SlackApiStub.ok;
import static dev.opsbot.slack.outbound.SlackApiStub.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP 429 is waited out as Slack asks and nothing is dropped; a burst of edits of one message collapses. */
class SlackRateLimitTest {
    private static final ThreadRef THREAD = new ThreadRef("slack", "C0INCIDENT", "1773111000.000100");
    private static final MessageRef PROGRESS = new MessageRef(THREAD, "1773111001.000200");

    private final WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
    private SlackChatPort chat;

    @BeforeEach
    void start() {
        wireMock.start();
        chat = new SlackChatPort(SlackApiStub.api(wireMock), new BlockKitRenderer());
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private void rateLimitedOnceThenOk(String method, String okBody) {
        wireMock.stubFor(post(urlPathEqualTo("/api/" + method))
                .inScenario(method)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("cooled down"));
        wireMock.stubFor(post(urlPathEqualTo("/api/" + method))
                .inScenario(method)
                .whenScenarioStateIs("cooled down")
                .willReturn(ok(okBody)));
    }

    @Test
    void aPostThatHitsA429WaitsRetryAfterAndIsThenDelivered() {
        rateLimitedOnceThenOk("chat.postMessage", "{\"ok\":true,\"ts\":\"1773111060.000200\"}");

        long started = System.nanoTime();
        MessageRef posted = chat.post(THREAD, Reply.text("the answer"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(posted.messageId()).isEqualTo("1773111060.000200");
        assertThat(took).as("waited Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requests(wireMock, "chat.postMessage")).hasSize(2).allSatisfy(r -> assertThat(form(r))
                .containsEntry("text", "the answer"));
    }

    @Test
    void aMethodStillRateLimitedAfterFiveAttemptsFailsRetriably() {
        wireMock.stubFor(post(urlPathEqualTo("/api/reactions.add"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> chat.react(PROGRESS, "eyes"))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Slack reactions.add still rate limited after 5 attempts");
                    assertThat(e.retriable()).isTrue();
                });
        assertThat(requests(wireMock, "reactions.add")).hasSize(SlackWebApi.MAX_ATTEMPTS);
    }

    @Test
    void editsOfOneMessageArrivingWhileAnEditWaitsOutA429CollapseIntoTheNewest() throws Exception {
        rateLimitedOnceThenOk("chat.update", "{\"ok\":true}");

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> chat.update(PROGRESS, Reply.text("v1")));
        awaitRequests("chat.update", 1);
        chat.update(PROGRESS, Reply.text("v2"));
        chat.update(PROGRESS, Reply.text("v3"));
        chat.update(PROGRESS, Reply.text("v4"));
        first.get(10, TimeUnit.SECONDS);

        assertThat(requests(wireMock, "chat.update"))
                .extracting(r -> form(r).get("text"))
                .as("v1 rate limited, v1 retried, then only the newest edit")
                .containsExactly("v1", "v1", "v4");
    }

    @Test
    void aMissingOrGarbledRetryAfterWaitsOneSecondAndAHugeOneIsCapped() {
        assertThat(SlackWebApi.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackWebApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackWebApi.retryAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SlackWebApi.retryAfter("3600")).isEqualTo(SlackWebApi.LONGEST_WAIT);
    }

    private void awaitRequests(String method, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(wireMock, method).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Slack " + method + " was not called " + count + " times");
            }
            Thread.sleep(10);
        }
    }
}
