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
    void aPostedReplyCarriesAMentionFromALogLineAsTextInBothTheNotificationAndTheBlocks() throws Exception {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"channel\":\"C0INCIDENT\",\"ts\":\"1773111060.000200\"}"));

        chat.post(THREAD, Reply.text("log: <!channel> & <@U999>"));

        Map<String, String> form = form(requests(wireMock, "chat.postMessage").getFirst());
        assertThat(form)
                .containsEntry("text", "log: &lt;!channel&gt; &amp; &lt;@U999&gt;")
                .containsEntry("link_names", "0");
        assertThat(JSON.readTree(form.get("blocks")).at("/0/text/text").asText())
                .isEqualTo("log: &lt;!channel&gt; &amp; &lt;@U999&gt;");
    }

    @Test
    void aMessageToAChannelStartsANewThreadWhoseRootIsTheMessage() throws Exception {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"channel\":\"C0INCIDENT\",\"ts\":\"1773154800.000100\"}"));

        MessageRef posted = chat.postToChannel("C0INCIDENT", Reply.text("Shift handoff"));

        assertThat(posted)
                .isEqualTo(
                        new MessageRef(new ThreadRef("slack", "C0INCIDENT", "1773154800.000100"), "1773154800.000100"));
        Map<String, String> form = form(requests(wireMock, "chat.postMessage").getFirst());
        assertThat(JSON.readTree(form.remove("blocks")).at("/0/text/text").asText())
                .isEqualTo("Shift handoff");
        assertThat(form).isEqualTo(postMessageForm("C0INCIDENT", "Shift handoff"));
    }

    @Test
    void aChartInAChannelMessageIsUploadedUnderThatMessage() {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"ts\":\"1773154800.000100\"}"));
        stubUpload();

        chat.postToChannel("C0INCIDENT", replyWithChart());

        assertThat(form(requests(wireMock, "files.completeUploadExternal").getFirst()))
                .containsEntry("channel_id", "C0INCIDENT")
                .containsEntry("thread_ts", "1773154800.000100");
    }

    @Test
    void aDirectMessageFindsThePersonByEmailOpensTheConversationAndPostsThere() {
        stub(wireMock, "users.lookupByEmail", ok("{\"ok\":true,\"user\":{\"id\":\"U0BOB\",\"name\":\"bob\"}}"));
        stub(wireMock, "conversations.open", ok("{\"ok\":true,\"channel\":{\"id\":\"D0BOB\"}}"));
        stub(wireMock, "chat.postMessage", ok("{\"ok\":true,\"channel\":\"D0BOB\",\"ts\":\"1773154801.000200\"}"));

        MessageRef sent = chat.postDirect("bob@example.com", Reply.text("You are on call"));

        assertThat(sent)
                .isEqualTo(new MessageRef(new ThreadRef("slack", "D0BOB", "1773154801.000200"), "1773154801.000200"));
        assertThat(form(requests(wireMock, "users.lookupByEmail").getFirst()))
                .isEqualTo(Map.of("email", "bob@example.com"));
        assertThat(form(requests(wireMock, "conversations.open").getFirst()))
                .isEqualTo(Map.of("users", "U0BOB", "return_im", "0"));
        Map<String, String> message =
                form(requests(wireMock, "chat.postMessage").getFirst());
        message.remove("blocks");
        assertThat(message).isEqualTo(postMessageForm("D0BOB", "You are on call"));
    }

    @Test
    void aDirectMessageToAnEmailSlackDoesNotKnowSaysSoAndPostsNothing() {
        stub(wireMock, "users.lookupByEmail", ok("{\"ok\":false,\"error\":\"users_not_found\"}"));

        assertThatThrownBy(() -> chat.postDirect("nobody@example.com", Reply.text("hi")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("Slack has no user with e-mail nobody@example.com"
                                    + " (users.lookupByEmail: users_not_found); check the address");
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(requests(wireMock, "conversations.open")).isEmpty();
        assertThat(requests(wireMock, "chat.postMessage")).isEmpty();
    }

    @Test
    void aDirectMessageWithoutTheImWriteScopeNamesSlacksErrorAndPostsNothing() {
        stub(wireMock, "users.lookupByEmail", ok("{\"ok\":true,\"user\":{\"id\":\"U0BOB\"}}"));
        stub(wireMock, "conversations.open", ok("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"im:write\"}"));

        assertThatThrownBy(() -> chat.postDirect("bob@example.com", Reply.text("hi")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessage("Slack conversations.open refused: missing_scope");
        assertThat(requests(wireMock, "chat.postMessage")).isEmpty();
    }

    @Test
    void aLookupThatFailsOnSlacksSideIsARetriableDeliveryError() {
        stub(wireMock, "users.lookupByEmail", aResponse().withStatus(503).withBody("upstream down"));

        assertThatThrownBy(() -> chat.postDirect("bob@example.com", Reply.text("hi")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Slack users.lookupByEmail failed with HTTP 503");
                    assertThat(e.retriable()).isTrue();
                });
    }

    @Test
    void aChannelMessageToAnUnknownChannelIsADeliveryErrorNamingSlacksCode() {
        stub(wireMock, "chat.postMessage", ok("{\"ok\":false,\"error\":\"not_in_channel\"}"));

        assertThatThrownBy(() -> chat.postToChannel("C0ELSEWHERE", Reply.text("hi")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessage("Slack chat.postMessage refused: not_in_channel");
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
        stubUpload();
        Reply reply = replyWithChart();

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

    /** Every field Bolt sends with a new thread's chat.postMessage, blocks aside: no thread_ts. */
    private static Map<String, String> postMessageForm(String channel, String text) {
        return Map.of(
                "channel", channel,
                "text", text,
                "link_names", "0",
                "mrkdwn", "1",
                "unfurl_links", "0",
                "unfurl_media", "0",
                "reply_broadcast", "0");
    }

    private void stubUpload() {
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
    }

    private static Reply replyWithChart() {
        return new Reply(
                "answer",
                List.of(
                        new Block.Paragraph("answer"),
                        new Block.Image("checkout 5xx", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null)));
    }
}
