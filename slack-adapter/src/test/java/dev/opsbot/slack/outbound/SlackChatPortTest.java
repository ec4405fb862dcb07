package dev.opsbot.slack.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.slack.outbound.SlackApiStub.form;
import static dev.opsbot.slack.outbound.SlackApiStub.ok;
import static dev.opsbot.slack.outbound.SlackApiStub.requests;
import static dev.opsbot.slack.outbound.SlackApiStub.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting, editing, reacting and uploading through Bolt's client against WireMock as the Slack Web API. */
class SlackChatPortTest {
    private static final ThreadRef THREAD = new ThreadRef("slack", "C0INCIDENT", "1773111000.000100");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aReplyIsPostedInTheThreadWithBlocksAndFallbackTextAndItsTsBecomesTheMessageId() throws Exception {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"channel\":\"C0INCIDENT\",\"ts\":\"1773111060.000200\"}"));

        MessageRef posted = chat.post(THREAD, Reply.text("hello *team*"));

        assertThat(posted).isEqualTo(new MessageRef(THREAD, "1773111060.000200"));
        var request = requests(wireMock, "chat.postMessage").getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SlackApiStub.TOKEN);
        Map<String, String> form = form(request);
        assertThat(form)
                .containsEntry("channel", "C0INCIDENT")
                .containsEntry("thread_ts", "1773111000.000100")
                .containsEntry("text", "hello *team*");
        assertThat(JSON.readTree(form.get("blocks")).at("/0/text/text").asText())
                .isEqualTo("hello *team*");
    }

    @Test
    void anUpdateEditsTheMessageByItsTs() {
        stub(wireMock, "chat.update", ok("{\"ok\":true,\"channel\":\"C0INCIDENT\",\"ts\":\"1773111060.000200\"}"));

        chat.update(new MessageRef(THREAD, "1773111060.000200"), Reply.text("done"));

        assertThat(form(requests(wireMock, "chat.update").getFirst()))
                .containsEntry("channel", "C0INCIDENT")
                .containsEntry("ts", "1773111060.000200")
                .containsEntry("text", "done");
    }

    @Test
    void aReactionIsAddedByItsShortNameEvenWhenGivenWithColons() {
        stub(wireMock, "reactions.add", ok("{\"ok\":true}"));

        chat.react(new MessageRef(THREAD, "1773111000.000100"), ":eyes:");

        assertThat(form(requests(wireMock, "reactions.add").getFirst()))
                .containsEntry("channel", "C0INCIDENT")
                .containsEntry("timestamp", "1773111000.000100")
                .containsEntry("name", "eyes");
    }

    @Test
    void aChartInAReplyIsUploadedIntoTheThreadAfterTheMessage() {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"ts\":\"1773111060.000200\"}"));
        stub(
                wireMock,
                "files.getUploadURLExternal",
                ok("{\"ok\":true,\"file_id\":\"F0CHART\",\"upload_url\":\"" + wireMock.baseUrl()
                        + "/upload/F0CHART\"}"));
        wireMock.stubFor(post(urlPathEqualTo("/upload/F0CHART"))
                .willReturn(aResponse().withStatus(200).withBody("OK - 4")));
        stub(
                wireMock,
                "files.completeUploadExternal",
                ok("{\"ok\":true,\"files\":[{\"id\":\"F0CHART\",\"title\":\"checkout 5xx\"}]}"));
        Reply reply = new Reply(
                "answer",
                List.of(
                        new Block.Paragraph("answer"),
                        new Block.Image("checkout 5xx", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null)));

        chat.post(THREAD, reply);

        assertThat(form(requests(wireMock, "files.getUploadURLExternal").getFirst()))
                .containsEntry("filename", "checkout-5xx.png")
                .containsEntry("length", "4");
        assertThat(wireMock.findAll(anyRequestedFor(urlPathEqualTo("/upload/F0CHART"))))
                .singleElement()
                .satisfies(upload -> assertThat(upload.getBody()).containsExactly(0x89, 'P', 'N', 'G'));
        assertThat(form(requests(wireMock, "files.completeUploadExternal").getFirst()))
                .containsEntry("channel_id", "C0INCIDENT")
                .containsEntry("thread_ts", "1773111000.000100");
        assertThat(form(requests(wireMock, "chat.postMessage").getFirst()).get("blocks"))
                .doesNotContain("image");
    }

    @Test
    void slacksRefusalBecomesADeliveryErrorNamingItsCodeButNotTheToken() {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":false,\"error\":\"channel_not_found\"}"));

        assertThatThrownBy(() -> chat.post(THREAD, Reply.text("hi")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("Slack chat.postMessage refused: channel_not_found")
                            .doesNotContain(SlackApiStub.TOKEN);
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void aServerErrorIsARetriableDeliveryErrorWithTheStatus() {
        stub(wireMock, "chat.update", aResponse().withStatus(503).withBody("upstream down"));

        assertThatThrownBy(() -> chat.update(new MessageRef(THREAD, "1.2"), Reply.text("x")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Slack chat.update failed with HTTP 503");
                    assertThat(e.retriable()).isTrue();
                });
    }

    @Test
    void aSlowSlackTimesOutAsARetriableDeliveryError() {
        chat = new SlackChatPort(SlackApiStub.api(wireMock, Duration.ofMillis(300)), new BlockKitRenderer());
        stub(wireMock, "reactions.add", ok("{\"ok\":true}").withFixedDelay(2_000));

        assertThatThrownBy(() -> chat.react(new MessageRef(THREAD, "1.2"), "eyes"))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Slack reactions.add timed out");
                    assertThat(e.retriable()).isTrue();
                });
    }

    @Test
    void aThreadOfAnotherPlatformIsRefusedWithoutCallingSlack() {
        assertThatThrownBy(() -> chat.post(new ThreadRef("teams", "c", "t"), Reply.text("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'teams'");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
