package dev.opsbot.teams.outbound;

import static dev.opsbot.teams.outbound.TeamsConnectorFixture.BOT;
import static dev.opsbot.teams.outbound.TeamsConnectorFixture.CHANNEL;
import static dev.opsbot.teams.outbound.TeamsConnectorFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.testing.FakeConnectorMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every ChatPort method as the exact Bot Connector request it makes, against the fake connector. */
class TeamsChatPortTest {
    private static final ThreadRef THREAD = new ThreadRef("teams", CHANNEL, "1699999999000");
    private static final String THREAD_CONVERSATION = CHANNEL + ";messageid=1699999999000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsConnectorFixture fixture = new TeamsConnectorFixture();
    private final TeamsChatPort chat = fixture.chatPort();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aReplyIsPostedIntoTheChannelThreadWithABearerTokenAndTheActivityIdBecomesTheMessageId() throws Exception {
        fixture.seeChannel();

        MessageRef posted = chat.post(THREAD, Reply.text("hello *team*\nsecond line"));

        assertThat(posted).isEqualTo(new MessageRef(THREAD, "1700000000001"));
        LoggedRequest request = fixture.connectorCalls().getFirst();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v3/conversations/" + THREAD_CONVERSATION + "/activities");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer fake-connector-token-1");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode activity = JSON.readTree(request.getBodyAsString());
        assertThat(activity.path("type").asText()).isEqualTo("message");
        assertThat(activity.path("text").asText()).isEqualTo("hello **team**\n\nsecond line");
        assertThat(activity.path("textFormat").asText()).isEqualTo("markdown");
        assertThat(activity.path("channelId").asText()).isEqualTo("msteams");
        assertThat(activity.at("/from/id").asText()).isEqualTo(BOT);
        assertThat(activity.at("/conversation/id").asText()).isEqualTo(THREAD_CONVERSATION);
        assertThat(activity.has("attachments")).isFalse();
    }

    @Test
    void aReplyWithBlocksIsOneAdaptiveCardWithTheTextAsItsSummary() {
        fixture.seeChannel();

        chat.post(
                THREAD,
                Reply.builder("checkout is *down*").heading("checkout 5xx").build());

        FakeConnectorMessage message = fixture.teams.messages(THREAD).getFirst();
        assertThat(message.hasCard()).isTrue();
        assertThat(message.activity().path("summary").asText()).isEqualTo("checkout is down");
        assertThat(message.activity().has("text")).isFalse();
        assertThat(message.cards().getFirst().at("/body/0/text").asText()).isEqualTo("checkout 5xx");
    }

    @Test
    void anUpdateReplacesTheMessageWithAPutToItsActivity() throws Exception {
        fixture.seeChannel();
        MessageRef posted = chat.post(THREAD, Reply.text("Investigating…"));

        chat.update(posted, Reply.text("Investigated in 2.4 s"));

        LoggedRequest put = fixture.connectorCalls().get(1);
        assertThat(put.getMethod().getName()).isEqualTo("PUT");
        assertThat(put.getUrl())
                .isEqualTo("/v3/conversations/" + THREAD_CONVERSATION + "/activities/" + posted.messageId());
        JsonNode activity = JSON.readTree(put.getBodyAsString());
        assertThat(activity.path("id").asText()).isEqualTo(posted.messageId());
        assertThat(activity.path("text").asText()).isEqualTo("Investigated in 2.4 s");
        FakeConnectorMessage message = fixture.teams.messages(THREAD).getFirst();
        assertThat(message.text()).isEqualTo("Investigated in 2.4 s");
        assertThat(message.updates()).isEqualTo(1);
    }

    @Test
    void reactingSendsNothingBecauseTeamsBotsCannotReact() {
        fixture.seeChannel();

        chat.react(new MessageRef(THREAD, "1700000000001"), "eyes");

        assertThat(fixture.connectorCalls()).isEmpty();
    }

    @Test
    void aMessageToAChannelStartsANewThreadWhoseRootIsThePostedActivity() throws Exception {
        fixture.seeChannel();

        MessageRef posted = chat.postToChannel(
                CHANNEL, Reply.builder("Shift handoff").heading("Handoff").build());

        String root = posted.messageId();
        assertThat(posted.thread()).isEqualTo(new ThreadRef("teams", CHANNEL, root));
        LoggedRequest request = fixture.connectorCalls().getFirst();
        assertThat(request.getUrl()).isEqualTo("/v3/conversations");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer fake-connector-token-1");
        JsonNode parameters = JSON.readTree(request.getBodyAsString());
        assertThat(parameters.path("isGroup").asBoolean()).isTrue();
        assertThat(parameters.at("/bot/id").asText()).isEqualTo(BOT);
        assertThat(parameters.at("/channelData/channel/id").asText()).isEqualTo(CHANNEL);
        assertThat(parameters.at("/channelData/tenant/id").asText()).isEqualTo(TENANT);
        assertThat(parameters.path("tenantId").asText()).isEqualTo(TENANT);
        assertThat(parameters.at("/activity/type").asText()).isEqualTo("message");
        assertThat(parameters.at("/activity/attachments/0/contentType").asText())
                .isEqualTo(AdaptiveCardRenderer.CARD_CONTENT_TYPE);

        chat.post(posted.thread(), Reply.text("a follow-up in the new thread"));
        assertThat(fixture.teams.messages(posted.thread()))
                .extracting(FakeConnectorMessage::text)
                .containsExactly("Shift handoff\nHandoff", "a follow-up in the new thread");
    }

    @Test
    void aMessageToAChatIsPostedIntoTheChatWhichIsItsOnlyThread() {
        String chatId = "19:groupchat-1@thread.v2";
        fixture.store.remember(
                TeamsSettings.PLATFORM,
                "conversation:" + chatId,
                "{\"serviceUrl\":\"" + fixture.teams.serviceUrl() + "\",\"conversationId\":\"" + chatId
                        + "\",\"tenantId\":\"t\",\"botId\":\"" + BOT + "\",\"conversationType\":\"groupChat\","
                        + "\"teamsChannelId\":null}",
                fixture.clock.instant());

        MessageRef posted = chat.postToChannel(chatId, Reply.text("Shift handoff"));

        assertThat(posted.thread()).isEqualTo(new ThreadRef("teams", chatId, chatId));
        assertThat(fixture.connectorCalls().getFirst().getUrl())
                .isEqualTo("/v3/conversations/" + chatId + "/activities");
        assertThat(fixture.teams.conversationsCreated()).isEmpty();
    }

    @Test
    void aDirectMessageOpensAChatWithThePersonFoundByEmailAndPostsIntoIt() throws Exception {
        fixture.store.remember(
                TeamsSettings.PLATFORM,
                "email:bob@example.com",
                "{\"serviceUrl\":\"" + fixture.teams.serviceUrl() + "\",\"conversationId\":\"" + CHANNEL
                        + "\",\"tenantId\":\"" + TENANT + "\",\"userId\":\"29:bob\",\"aadObjectId\":\"aad-bob\","
                        + "\"name\":\"Bob\"}",
                fixture.clock.instant());

        MessageRef posted = chat.postDirect("Bob@Example.com", Reply.text("You are on call from 09:00"));

        JsonNode parameters = fixture.teams.conversationsCreated().getFirst();
        assertThat(parameters.path("isGroup").asBoolean()).isFalse();
        assertThat(parameters.at("/members/0/id").asText()).isEqualTo("29:bob");
        assertThat(parameters.path("members")).hasSize(1);
        assertThat(parameters.at("/bot/id").asText()).isEqualTo("28:" + fixture.settings.appId());
        assertThat(parameters.path("tenantId").asText()).isEqualTo(TENANT);
        assertThat(parameters.at("/channelData/tenant/id").asText()).isEqualTo(TENANT);
        assertThat(posted.thread()).isEqualTo(new ThreadRef("teams", "a:29:bob", "a:29:bob"));
        assertThat(fixture.teams.messages("a:29:bob"))
                .extracting(FakeConnectorMessage::text)
                .containsExactly("You are on call from 09:00");

        chat.post(posted.thread(), Reply.text("and a follow-up"));
        assertThat(fixture.teams.messages("a:29:bob")).hasSize(2);
    }

    @Test
    void aDirectMessageToSomeoneOpsbotHasNotSeenSaysSoAndSendsNothing() {
        assertThatThrownBy(() -> chat.postDirect("carol@example.com", Reply.text("hi")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("opsbot has not seen carol@example.com in Teams yet");
                });
        assertThat(fixture.connectorCalls()).isEmpty();
    }

    @Test
    void aChannelOpsbotHasNotSeenIsRefusedWithHowToFixIt() {
        ThreadRef elsewhere = new ThreadRef("teams", "19:other@thread.tacv2", "1");

        assertThatThrownBy(() -> chat.post(elsewhere, Reply.text("hi")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("opsbot has not seen Teams channel 19:other@thread.tacv2 yet")
                .hasMessageContaining("mention opsbot there once");
        assertThatThrownBy(() -> chat.postToChannel("19:other@thread.tacv2", Reply.text("hi")))
                .isInstanceOf(ChatDeliveryException.class);
        assertThat(fixture.connectorCalls()).isEmpty();
    }

    @Test
    void anUnreadableStoredAddressIsAClearError() {
        fixture.store.remember(TeamsSettings.PLATFORM, "conversation:" + CHANNEL, "{not json", fixture.clock.instant());

        assertThatThrownBy(() -> chat.post(THREAD, Reply.text("hi")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("stored Teams address conversation:" + CHANNEL + " is unreadable");
    }

    @Test
    void threadsOfOtherPlatformsAreRefused() {
        assertThatThrownBy(() -> chat.post(new ThreadRef("slack", "C1", "1.2"), Reply.text("hi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'slack'");
    }

    @Test
    void aProposalCardCarriesVoteButtonsForItsProposal() {
        fixture.seeChannel();
        Block.Proposal proposal = new Block.Proposal(
                "p-7f3a",
                "rollback Deployment shop/checkout to revision 41",
                "production",
                "write",
                "Alice Chen",
                null,
                "white_check_mark",
                "x");

        chat.post(THREAD, new Reply("Proposal", List.of(proposal)));

        FakeConnectorMessage message = fixture.teams.messages(THREAD).getFirst();
        assertThat(message.proposalId()).isEqualTo("p-7f3a");
        assertThat(message.votes())
                .extracting(vote -> vote.path("reaction").asText())
                .containsExactly("white_check_mark", "x");
        assertThat(message.text()).contains("rollback Deployment shop/checkout to revision 41", "Approve", "Reject");
    }
}
