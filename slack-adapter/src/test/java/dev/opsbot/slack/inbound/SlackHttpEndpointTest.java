package dev.opsbot.slack.inbound;

import static dev.opsbot.slack.inbound.SlackFixture.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackHttpEndpointTest {
    private final SlackFixture slack = new SlackFixture();
    private final ThreadLookup threads =
            (channel, ts) -> ts.equals("1700000100.000200") ? Optional.of("1700000000.000100") : Optional.empty();
    private final SlackHttpEndpoint endpoint = new SlackHttpEndpoint(slack.events(threads), Clock.systemUTC());

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackHttpEndpoint.Response send(String body) {
        return endpoint.handle(body, slack.signedHeaders(body), "");
    }

    @Test
    void urlVerificationChallengeIsAnswered() {
        var response = send("{\"token\":\"t\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("abc123");
    }

    @Test
    void badSignatureIsRefusedWith401AndNothingSubmitted() {
        String body = eventCallback("Ev1", mention("<@UBOT> why is checkout slow?", null));
        Map<String, List<String>> headers = new HashMap<>(slack.signedHeaders(body));
        headers.put("X-Slack-Signature", List.of("v0=" + "0".repeat(64)));

        var response = endpoint.handle(body, headers, "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void bodyChangedAfterSigningIsRefusedWith401() {
        String body = eventCallback("Ev1", mention("<@UBOT> hi", null));
        var response = endpoint.handle(body.replace("hi", "rm -rf"), slack.signedHeaders(body), "");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void timestampOlderThanFiveMinutesIsRefusedWith401EvenWhenSignedCorrectly() {
        String body = eventCallback("Ev1", mention("<@UBOT> hi", null));
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

        var response = endpoint.handle(body, slack.signedHeaders(body, sixMinutesAgo), "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("stale_timestamp");
        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void timestampMoreThanFiveMinutesAheadIsRefusedWith401() {
        String body = eventCallback("Ev1", mention("<@UBOT> hi", null));
        long sixMinutesAhead = Instant.now().plusSeconds(360).getEpochSecond();

        assertThat(endpoint.handle(body, slack.signedHeaders(body, sixMinutesAhead), "")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void configNeverPrintsTheTokenOrTheSigningSecret() {
        assertThat(slack.config().toString()).doesNotContain("xoxb-test", SlackFixture.SIGNING_SECRET);
    }

    @Test
    void missingSignatureHeadersAreRefusedWith401() {
        var response = endpoint.handle("{}", Map.of(), "");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void signedButMalformedBodyIsRefusedWith400() {
        assertThat(send("{\"type\":\"event_callback\", broken").status()).isEqualTo(400);
        assertThat(send("{\"type\":\"event_callback\"}").status()).isEqualTo(400); // no event
        assertThat(send("[1,2,3]").status()).isEqualTo(400);
        assertThat(send("hello=world").status()).isEqualTo(400);
        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void unknownEventTypeIsAcknowledgedAndIgnored() {
        var response = send(eventCallback("Ev9", "{\"type\":\"channel_rename\",\"channel\":{\"id\":\"C1\"}}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void mentionBecomesMentionWithTheBotMentionStrippedAndItsOwnTsAsThread() {
        var response = send(eventCallback("Ev1", mention("<@UBOT> why is <@UBOB>'s checkout slow?", null)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slack.submitted)
                .containsExactly(new ChatEvent.Mention(
                        "Ev1",
                        new ThreadRef("slack", "C1", "1700000000.000100"),
                        "1700000000.000100",
                        new ChatUser("UALICE", "alice", "alice@example.com"),
                        "why is <@UBOB>'s checkout slow?",
                        Instant.ofEpochSecond(1700000000)));
    }

    @Test
    void mentionInsideAThreadBelongsToThatThread() {
        send(eventCallback("Ev1", mention("<@UBOT> and now?", "1699999999.000001")));

        assertThat(slack.submitted).singleElement().satisfies(e -> {
            assertThat(e.thread().thread()).isEqualTo("1699999999.000001");
            assertThat(((ChatEvent.Mention) e).text()).isEqualTo("and now?");
        });
    }

    @Test
    void threadReplyWithoutMentionBecomesMessage() {
        send(eventCallback("Ev2", message("UBOB", "it started at 14:02", "1700000000.000100", null)));

        assertThat(slack.submitted).singleElement().isInstanceOfSatisfying(ChatEvent.Message.class, m -> {
            assertThat(m.thread()).isEqualTo(new ThreadRef("slack", "C1", "1700000000.000100"));
            assertThat(m.text()).isEqualTo("it started at 14:02");
            assertThat(m.user()).isEqualTo(ChatUser.of("UBOB"));
        });
    }

    @Test
    void topLevelMessagesAndThreadRepliesThatMentionOpsbotAreNotMessages() {
        send(eventCallback("Ev3", message("UBOB", "lunch?", null, null)));
        // Slack sends app_mention for this one too; taking both would answer twice
        send(eventCallback("Ev4", message("UBOB", "<@UBOT> again", "1700000000.000100", null)));

        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void opsbotsOwnMessagesAndOtherBotsMessagesAreIgnored() {
        assertThat(send(eventCallback("Ev5", message("UBOT", "Looking…", "1700000000.000100", null)))
                        .status())
                .isEqualTo(200);
        assertThat(send(eventCallback("Ev6", message(null, "deploy done", "1700000000.000100", "BOTHER")))
                        .status())
                .isEqualTo(200);
        send(eventCallback("Ev7", mention("<@UBOT> ping", null).replace("\"user\":\"UALICE\"", "\"user\":\"UBOT\"")));

        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void messageSubtypesSuchAsEditsAreAcknowledgedAndIgnored() {
        var response = send(eventCallback(
                "Ev8",
                "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C1\",\"hidden\":true,"
                        + "\"ts\":\"1700000000.000900\",\"message\":{\"text\":\"x\"}}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void reactionAddedTargetsTheMessageInTheThreadTheLookupKnows() {
        send(eventCallback("Ev10", reaction("reaction_added", "white_check_mark", "1700000100.000200")));

        assertThat(slack.submitted)
                .containsExactly(new ChatEvent.ReactionAdded(
                        "Ev10",
                        new MessageRef(new ThreadRef("slack", "C1", "1700000000.000100"), "1700000100.000200"),
                        new ChatUser("UALICE", "alice", "alice@example.com"),
                        "white_check_mark",
                        Instant.ofEpochSecond(1700000000)));
    }

    @Test
    void reactionOnAnUnknownMessageUsesTheMessageAsItsOwnThread() {
        send(eventCallback("Ev11", reaction("reaction_removed", "x", "1700000555.000001")));

        assertThat(slack.submitted).singleElement().isInstanceOfSatisfying(ChatEvent.ReactionRemoved.class, r -> {
            assertThat(r.target().messageId()).isEqualTo("1700000555.000001");
            assertThat(r.thread().thread()).isEqualTo("1700000555.000001");
            assertThat(r.reaction()).isEqualTo("x");
        });
    }

    @Test
    void reactionOnAFileIsIgnored() {
        send(eventCallback(
                "Ev12",
                "{\"type\":\"reaction_added\",\"user\":\"UALICE\",\"reaction\":\"eyes\",\"item\":{\"type\":\"file\","
                        + "\"file\":\"F1\"},\"event_ts\":\"1700000000.000001\"}"));

        assertThat(slack.submitted).isEmpty();
    }

    @Test
    void slashCommandBecomesCommandAtTheChannelsTopLevel() {
        String body = "token=t&team_id=T1&channel_id=C1&channel_name=incidents&user_id=UALICE&user_name=alice"
                + "&command=%2Fopsbot&text=status+checkout&response_url=https%3A%2F%2Fhooks.example%2Fx"
                + "&trigger_id=111.222.abc&api_app_id=A1";

        var response = send(body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("status checkout");
        assertThat(slack.submitted).singleElement().isInstanceOfSatisfying(ChatEvent.Command.class, c -> {
            assertThat(c.eventId()).isEqualTo("command:111.222.abc");
            assertThat(c.thread()).isEqualTo(new ThreadRef("slack", "C1", "command:111.222.abc"));
            assertThat(c.command()).isEqualTo("/opsbot");
            assertThat(c.text()).isEqualTo("status checkout");
            assertThat(c.user().email()).isEqualTo("alice@example.com");
        });
    }

    @Test
    void approveButtonBecomesTheApproveReactionOnTheProposalMessage() {
        var response = send(blockAction("approve", "UALICE"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slack.submitted)
                .containsExactly(new ChatEvent.ReactionAdded(
                        "action:trig-1",
                        new MessageRef(new ThreadRef("slack", "C1", "1700000000.000100"), "1700000100.000200"),
                        new ChatUser("UALICE", "alice", "alice@example.com"),
                        SlackFixture.APPROVE,
                        Instant.ofEpochMilli(1700000200_500L)));
    }

    @Test
    void rejectButtonBecomesTheRejectReaction() {
        send(blockAction("reject", "UBOB"));

        assertThat(slack.submitted).singleElement().isInstanceOfSatisfying(ChatEvent.ReactionAdded.class, r -> {
            assertThat(r.reaction()).isEqualTo(SlackFixture.REJECT);
            assertThat(r.user()).isEqualTo(ChatUser.of("UBOB"));
        });
    }

    @Test
    void retriedEventReachesTheSinkAgainWithTheSameEventIdSoTheDispatcherDedupesIt() {
        String body = eventCallback("EvRetry", mention("<@UBOT> hi", null));
        send(body);
        Map<String, List<String>> retry = new HashMap<>(slack.signedHeaders(body));
        retry.put("X-Slack-Retry-Num", List.of("1"));
        retry.put("X-Slack-Retry-Reason", List.of("http_timeout"));

        var response = endpoint.handle(body, retry, "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(slack.submitted).extracting(ChatEvent::eventId).containsExactly("EvRetry", "EvRetry");
        assertThat(slack.submitted.get(0)).isEqualTo(slack.submitted.get(1));
    }

    @Test
    void eventTheSinkCannotRecordIsAnswered500SoSlackRetries() {
        SlackHttpEndpoint failing = new SlackHttpEndpoint(
                slack.events(
                        e -> {
                            throw new IllegalStateException("database down");
                        },
                        ThreadLookup.NONE),
                Clock.systemUTC());
        String body = eventCallback("Ev1", mention("<@UBOT> hi", null));

        assertThat(failing.handle(body, slack.signedHeaders(body), "").status()).isEqualTo(500);
    }

    static String mention(String text, String threadTs) {
        return "{\"type\":\"app_mention\",\"user\":\"UALICE\",\"text\":\"" + text + "\",\"ts\":\"1700000000.000100\","
                + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
                + "\"channel\":\"C1\",\"event_ts\":\"1700000000.000100\"}";
    }

    static String message(String user, String text, String threadTs, String botId) {
        return "{\"type\":\"message\",\"channel\":\"C1\","
                + (user == null ? "" : "\"user\":\"" + user + "\",")
                + (botId == null ? "" : "\"bot_id\":\"" + botId + "\",")
                + "\"text\":\"" + text + "\",\"ts\":\"1700000050.000300\","
                + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
                + "\"event_ts\":\"1700000050.000300\",\"channel_type\":\"channel\"}";
    }

    static String reaction(String type, String name, String itemTs) {
        return "{\"type\":\"" + type + "\",\"user\":\"UALICE\",\"reaction\":\"" + name + "\",\"item_user\":\"UBOT\","
                + "\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"" + itemTs + "\"},"
                + "\"event_ts\":\"1700000200.000001\"}";
    }

    static String blockAction(String actionId, String user) {
        String json = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"name\":\"u\","
                + "\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"t\",\"trigger_id\":\"trig-1\","
                + "\"team\":{\"id\":\"T1\",\"domain\":\"acme\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000100.000200\",\"channel_id\":\"C1\","
                + "\"is_ephemeral\":false,\"thread_ts\":\"1700000000.000100\"},"
                + "\"channel\":{\"id\":\"C1\",\"name\":\"incidents\"},"
                + "\"message\":{\"type\":\"message\",\"user\":\"UBOT\",\"ts\":\"1700000100.000200\","
                + "\"thread_ts\":\"1700000000.000100\",\"text\":\"proposal\"},"
                + "\"response_url\":\"https://hooks.example/x\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"proposal\",\"type\":\"button\","
                + "\"value\":\"prop-42\",\"action_ts\":\"1700000200.500000\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"Approve\"}}]}";
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
