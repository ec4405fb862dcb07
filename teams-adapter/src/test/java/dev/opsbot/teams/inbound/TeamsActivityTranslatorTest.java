package dev.opsbot.teams.inbound;

import static dev.opsbot.teams.testing.Activities.ALICE_ID;
import static dev.opsbot.teams.testing.Activities.ALICE_NAME;
import static dev.opsbot.teams.testing.Activities.AT;
import static dev.opsbot.teams.testing.Activities.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.TestBotConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsActivityTranslatorTest {
    private static final ChatUser ALICE = new ChatUser(ALICE_ID, ALICE_NAME, null);
    private static final String ROOT = "1709285400000";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
    private final TeamsActivityTranslator translator = new TeamsActivityTranslator(
            TestBotConnector.APP_ID, Map.of("like", "white_check_mark", "angry", "x"), clock);

    static Activity parse(Activities.Builder builder) {
        try {
            return ActivityJson.read(Serialization.jsonToTree(builder.json()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ChatEvent> translate(Activities.Builder builder) {
        return translator.translate(parse(builder));
    }

    private static ThreadRef thread(String root) {
        return new ThreadRef("teams", CHANNEL_ID, root);
    }

    @Test
    void mentionInANewChannelPostStartsAThreadRootedAtThatPost() {
        var events = translate(Activities.message(ROOT, "why is checkout 5xx?").mentioningBot());

        assertThat(events)
                .containsExactly(new ChatEvent.Mention(
                        CHANNEL_ID + "/" + ROOT, thread(ROOT), ROOT, ALICE, "why is checkout 5xx?", AT));
    }

    @Test
    void mentionInAThreadBelongsToThatThread() {
        var events = translate(
                Activities.message("1709285460000", "and now?").mentioningBot().inThread(ROOT));

        assertThat(events).singleElement().isInstanceOfSatisfying(ChatEvent.Mention.class, m -> {
            assertThat(m.thread()).isEqualTo(thread(ROOT));
            assertThat(m.messageId()).isEqualTo("1709285460000");
            assertThat(m.eventId()).isEqualTo(CHANNEL_ID + "/1709285460000");
            assertThat(m.text()).isEqualTo("and now?");
        });
    }

    @Test
    void mentionAndTeamsHtmlAreStrippedOtherPeoplesMentionsKeepTheirNames() {
        var events = translate(Activities.message(ROOT, "")
                .text("<p><at>opsbot</at>&nbsp;why is <b>checkout</b> 5xx since <at>Bob Jones</at>&#39;s deploy?</p>"
                        + "<p>it&nbsp;&amp; payments &lt;3</p>")
                .mention(TestBotConnector.BOT_ID, "opsbot")
                .mention("29:bob", "Bob Jones"));

        assertThat(mentionText(events)).isEqualTo("why is checkout 5xx since Bob Jones's deploy?\nit & payments <3");
    }

    @Test
    void everyMentionOfOpsbotIsStripped() {
        var events = translate(Activities.message(ROOT, "")
                .text("<at>opsbot</at> ask <at>Bob</at> then tell <at>opsbot</at>\n")
                .mention(TestBotConnector.BOT_ID, "opsbot")
                .mention("29:bob", "Bob")
                .mention(TestBotConnector.BOT_ID, "opsbot"));

        assertThat(mentionText(events)).isEqualTo("ask Bob then tell");
    }

    @Test
    void textThatOnlyLooksLikeHtmlStays() {
        var events = translate(Activities.message(ROOT, "kubectl logs <pod-name> | grep 'a<b' &amp;lt;x&amp;gt;")
                .mentioningBot());

        assertThat(mentionText(events)).isEqualTo("kubectl logs <pod-name> | grep 'a<b' &lt;x&gt;");
    }

    @Test
    void replyInAThreadWithoutMentionIsAMessageTheDispatcherMayIgnore() {
        var events = translate(
                Activities.message("1709285520000", "it started at 14:02").inThread(ROOT));

        assertThat(events)
                .containsExactly(new ChatEvent.Message(
                        CHANNEL_ID + "/1709285520000",
                        thread(ROOT),
                        "1709285520000",
                        ALICE,
                        "it started at 14:02",
                        AT));
    }

    @Test
    void newChannelPostWithoutMentionIsNotForOpsbot() {
        assertThat(translate(Activities.message(ROOT, "lunch?"))).isEmpty();
    }

    @Test
    void personalChatMessageIsAddressedToOpsbotAndTheChatIsOneThread() {
        var events = translate(Activities.message("1709285580000", "<p>status of checkout?</p>")
                .personal());

        assertThat(events).singleElement().isInstanceOfSatisfying(ChatEvent.Mention.class, m -> {
            assertThat(m.thread())
                    .isEqualTo(new ThreadRef("teams", Activities.PERSONAL_CHAT_ID, Activities.PERSONAL_CHAT_ID));
            assertThat(m.text()).isEqualTo("status of checkout?");
        });
    }

    @Test
    void groupChatMessageIsAMessageUnlessItMentionsOpsbot() {
        var plain = translate(Activities.message("1709285640000", "anyone?").groupChat());
        var mention = translate(
                Activities.message("1709285700000", "help").mentioningBot().groupChat());

        ThreadRef chat = new ThreadRef("teams", Activities.GROUP_CHAT_ID, Activities.GROUP_CHAT_ID);
        assertThat(plain).singleElement().isInstanceOfSatisfying(ChatEvent.Message.class, m -> assertThat(m.thread())
                .isEqualTo(chat));
        assertThat(mention).singleElement().isInstanceOfSatisfying(ChatEvent.Mention.class, m -> assertThat(m.text())
                .isEqualTo("help"));
    }

    @Test
    void mappedReactionOnAProposalBecomesThatReactionOnTheMessageInItsThread() {
        var events = translate(
                Activities.reaction("f:1", "1709285760000").added("like").inThread(ROOT));

        assertThat(events)
                .containsExactly(new ChatEvent.ReactionAdded(
                        CHANNEL_ID + "/f:1/+like",
                        new MessageRef(thread(ROOT), "1709285760000"),
                        ALICE,
                        "white_check_mark",
                        AT));
    }

    @Test
    void reactionTakenBackIsReactionRemoved() {
        var events = translate(
                Activities.reaction("f:2", "1709285760000").removed("like").inThread(ROOT));

        assertThat(events).singleElement().isInstanceOfSatisfying(ChatEvent.ReactionRemoved.class, r -> {
            assertThat(r.reaction()).isEqualTo("white_check_mark");
            assertThat(r.eventId()).isEqualTo(CHANNEL_ID + "/f:2/-like");
        });
    }

    @Test
    void everyMappedReactionIsOneEventAndUnmappedOnesAreIgnored() {
        var events = translate(Activities.reaction("f:3", "1709285760000")
                .added("heart", "like", "angry")
                .removed("laugh")
                .inThread(ROOT));

        assertThat(events)
                .extracting(ChatEvent::eventId)
                .containsExactly(CHANNEL_ID + "/f:3/+like", CHANNEL_ID + "/f:3/+angry");
        assertThat(events)
                .extracting(e -> ((ChatEvent.ReactionAdded) e).reaction())
                .containsExactly("white_check_mark", "x");
    }

    @Test
    void reactionOnANewPostWhoseThreadTeamsDoesNotNameUsesThePostAsItsOwnThread() {
        Activities.Builder reaction =
                Activities.reaction("f:4", "1709285760000").added("like");
        reaction.tree().with("conversation").put("id", CHANNEL_ID);

        assertThat(translate(reaction)).singleElement().satisfies(e -> assertThat(e.thread())
                .isEqualTo(thread("1709285760000")));
    }

    @Test
    void reactionWithoutTheMessageItIsOnIsIgnored() {
        Activities.Builder reaction =
                Activities.reaction("f:5", "1709285760000").added("like");
        reaction.tree().remove("replyToId");

        assertThat(translate(reaction)).isEmpty();
    }

    @Test
    void cardVoteBecomesTheReactionOnTheCardSoTheApprovalFlowChecksItLikeOne() {
        var events = translate(Activities.cardVote("1709285820000", "1709285760000", "x", "prop-42")
                .inThread(ROOT));

        assertThat(events)
                .containsExactly(new ChatEvent.ReactionAdded(
                        CHANNEL_ID + "/1709285820000", new MessageRef(thread(ROOT), "1709285760000"), ALICE, "x", AT));
    }

    @Test
    void otherCardSubmitsAndVotesWithoutAReadableReactionAreIgnored() {
        Activities.Builder other =
                Activities.cardVote("1", "1709285760000", "x", "p").inThread(ROOT);
        other.tree().with("value").put("opsbot", "feedback");
        Activities.Builder weird =
                Activities.cardVote("2", "1709285760000", "DROP TABLE", "p").inThread(ROOT);
        Activities.Builder noCard =
                Activities.cardVote("3", "1709285760000", "x", "p").inThread(ROOT);
        noCard.tree().remove("replyToId");

        assertThat(translate(other)).isEmpty();
        assertThat(translate(weird)).isEmpty();
        assertThat(translate(noCard)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"conversationUpdate", "typing", "installationUpdate", "invoke", "messageUpdate", "event", "x"})
    void activitiesOpsbotDoesNotActOnTranslateToNothing(String type) {
        assertThat(translate(Activities.of(type, "f:9"))).isEmpty();
    }

    @Test
    void opsbotsOwnActivitiesAreIgnored() {
        var own = Activities.message(ROOT, "Looking…").inThread(ROOT).from(TestBotConnector.BOT_ID, "opsbot", null);

        assertThat(translate(own)).isEmpty();
    }

    @Test
    void sameActivityIdInTwoChannelsGivesTwoEventIds() {
        var here = translate(Activities.message("1", "x").mentioningBot());
        Activities.Builder elsewhere = Activities.message("1", "x").mentioningBot();
        elsewhere.tree().with("conversation").put("id", "19:other@thread.tacv2;messageid=1");

        assertThat(here.get(0).eventId())
                .isNotEqualTo(translate(elsewhere).get(0).eventId());
    }

    @Test
    void teamsSevenDigitFractionsAreReadAsTheInstantTheyName() {
        var events = translate(
                Activities.message(ROOT, "hi").mentioningBot().at(Instant.parse("2024-03-01T09:30:00.3197476Z")));

        assertThat(events.get(0).at()).isEqualTo(Instant.parse("2024-03-01T09:30:00.3197476Z"));
    }

    @Test
    void activityWithoutTimestampHappenedNow() {
        Activities.Builder untimed = Activities.message(ROOT, "hi").mentioningBot();
        untimed.tree().remove("timestamp");

        assertThat(translate(untimed).get(0).at()).isEqualTo(clock.instant());
    }

    @Test
    void incompleteActivityIsAnErrorNotAnEvent() {
        Activities.Builder anonymous =
                Activities.message(ROOT, "hi").mentioningBot().without("from");

        assertThat(TeamsActivityTranslator.missingField(parse(anonymous))).isEqualTo("from.id");
        assertThatThrownBy(() -> translate(anonymous)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String mentionText(List<ChatEvent> events) {
        assertThat(events).singleElement().isInstanceOf(ChatEvent.Mention.class);
        return ((ChatEvent.Mention) events.get(0)).text();
    }
}
