package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** "whoami" and "access": a person sees who opsbot takes them to be, and what they may do where. */
class IdentityHandlersTest {
    private static final ThreadRef INCIDENT = new ThreadRef("console", "inc-checkout", "t1");
    private static final ThreadRef STAGING = new ThreadRef("console", "inc-staging", "t2");

    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final FixedIdentities people = new FixedIdentities(People.alice(), People.bob(), People.carol());
    private final CountingCredentialBroker broker = new CountingCredentialBroker();
    private final Acting acting =
            new Acting(people, broker, new Environments("production", Map.of("inc-staging", "staging")));

    private Reply say(ThreadRef thread, ChatUser user, String text) {
        Responder responder = new Responder(
                chat, thread, new InMemoryBotMessageStore(), new InMemoryThreadStore(), user.id(), Clock.systemUTC());
        ChatEvent event = new ChatEvent.Mention("e-" + text, thread, "m1", user, text, Instant.now());
        switch (new IntentParser().parse(text)) {
            case Intent.WhoAmI whoAmI -> new WhoAmIHandler(acting).handle(event, whoAmI, responder);
            case Intent.Access access -> new AccessHandler(acting).handle(event, access, responder);
            case Intent other -> throw new AssertionError("not an identity intent: " + other);
        }
        return chat.posted().getLast().reply();
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Fields.class::isInstance)
                .flatMap(b -> ((Block.Fields) b).fields().stream())
                .collect(Collectors.toMap(Block.Field::label, Block.Field::value));
    }

    @Test
    void whoamiShowsTheDirectoryIdentityAndHowReadsGoOutHere() {
        Reply reply = say(INCIDENT, user("alice"), "@opsbot whoami");

        Map<String, String> fields = fields(reply);
        assertThat(fields.get("You are"))
                .isEqualTo("*Alice Chen* (alice@example.com), vouched for by opsbot's configuration");
        assertThat(fields.get("Groups")).isEqualTo("shop-oncall");
        assertThat(fields.get("Here (production)"))
                .contains("read: AWS role opsbot-read-oncall (" + People.READ_ROLE + ")")
                .contains("Kubernetes as alice@example.com in groups oncall")
                .contains("write after approval: AWS role opsbot-write-oncall")
                .contains("in groups oncall-deployers")
                .contains("approve others' changes: no");
        assertThat(broker.reads()).as("whoami issues no credentials").isEmpty();
    }

    @Test
    void whoamiRefreshForgetsTheCachedMappingFirst() {
        say(INCIDENT, user("bob"), "@opsbot whoami refresh");

        assertThat(people.forgotten()).containsExactly("bob");
    }

    @Test
    void whoamiInAChannelOfAnotherEnvironmentSaysThereIsNoAccessThere() {
        Reply reply = say(STAGING, user("alice"), "@opsbot whoami");

        assertThat(fields(reply).get("Here (staging)")).isEqualTo("no access here; ask for it with `access`");
    }

    @Test
    void accessListsEveryEnvironmentAndSaysHowToGetAccessWhereThereIsNone() {
        Reply reply = say(INCIDENT, user("carol"), "@opsbot access");

        Map<String, String> fields = fields(reply);
        assertThat(fields).containsOnlyKeys("staging");
        assertThat(fields.get("staging"))
                .contains("read: AWS role opsbot-read-dev")
                .contains("write: no")
                .contains("granted by staging-devs");
        assertThat(reply.blocks())
                .anyMatch(b -> b instanceof Block.Paragraph p
                        && p.text()
                                .equals("You have no access in production, where this channel's questions run. "
                                        + FixedIdentities.CONTACT));
    }

    @Test
    void accessMarksThisChannelsEnvironmentAndApprovers() {
        Reply reply = say(INCIDENT, user("bob"), "@opsbot access");

        assertThat(fields(reply).get("production (this channel)")).contains("approve others' changes: yes");
        assertThat(reply.text()).startsWith("What bob@example.com can do:");
    }

    @Test
    void someoneUnmappedIsToldWhyAndWhomToAsk() {
        Reply whoami = say(INCIDENT, new ChatUser("mallory", "Mallory", "mallory@example.com"), "whoami");
        Reply access = say(INCIDENT, new ChatUser("mallory", "Mallory", "mallory@example.com"), "access");

        assertThat(whoami.text())
                .isEqualTo(":no_entry: Mallory is not mapped to any cloud identity. " + FixedIdentities.CONTACT);
        assertThat(access.text()).isEqualTo(whoami.text());
    }

    private static ChatUser user(String id) {
        return new ChatUser(id, id, id + "@example.com");
    }
}
