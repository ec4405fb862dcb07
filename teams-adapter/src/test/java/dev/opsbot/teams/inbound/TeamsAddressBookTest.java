package dev.opsbot.teams.inbound;

import static dev.opsbot.teams.inbound.TeamsActivityTranslatorTest.parse;
import static dev.opsbot.teams.testing.Activities.ALICE_AAD_ID;
import static dev.opsbot.teams.testing.Activities.ALICE_ID;
import static dev.opsbot.teams.testing.Activities.ALICE_NAME;
import static dev.opsbot.teams.testing.Activities.CHANNEL_ID;
import static dev.opsbot.teams.testing.Activities.SERVICE_URL;
import static dev.opsbot.teams.testing.Activities.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.core.testing.InMemoryChatAddresses;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.teams.outbound.ConversationAddress;
import dev.opsbot.teams.outbound.TeamsAddresses;
import dev.opsbot.teams.outbound.UserAddress;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.TestBotConnector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsAddressBookTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts the writes that reach the store; fails them while {@link #down} is set. */
    static final class CountingAddresses implements ChatAddresses {
        final InMemoryChatAddresses store = new InMemoryChatAddresses();
        final List<String> writes = new ArrayList<>();
        volatile boolean down;

        @Override
        public void remember(String platform, String key, String address, Instant at) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            writes.add(key);
            store.remember(platform, key, address, at);
        }

        @Override
        public Optional<String> find(String platform, String key) {
            return store.find(platform, key);
        }
    }

    private final CountingAddresses addresses = new CountingAddresses();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
    private final TeamsAddressBook book = new TeamsAddressBook(addresses, clock);

    private JsonNode stored(String key) throws Exception {
        return JSON.readTree(addresses.find("teams", key).orElseThrow());
    }

    @Test
    void channelAndSenderAreRememberedAsTheOutboundSideReadsThem() throws Exception {
        book.remember(parse(Activities.message("1", "hi").mentioningBot().inThread("0")));

        assertThat(stored("conversation:" + CHANNEL_ID))
                .isEqualTo(JSON.createObjectNode()
                        .put("serviceUrl", SERVICE_URL)
                        .put("conversationId", CHANNEL_ID)
                        .put("tenantId", TENANT_ID)
                        .put("botId", TestBotConnector.BOT_ID)
                        .put("conversationType", "channel")
                        .put("teamsChannelId", CHANNEL_ID));
        assertThat(stored("user:" + ALICE_ID))
                .isEqualTo(JSON.createObjectNode()
                        .put("serviceUrl", SERVICE_URL)
                        .put("conversationId", CHANNEL_ID)
                        .put("tenantId", TENANT_ID)
                        .put("userId", ALICE_ID)
                        .put("aadObjectId", ALICE_AAD_ID)
                        .put("name", ALICE_NAME));
    }

    @Test
    void outboundReadsBackExactlyWhatInboundWrote() {
        book.remember(parse(Activities.message("1", "hi").mentioningBot().inThread("0")));

        TeamsAddresses outbound = new TeamsAddresses(addresses, clock);
        assertThat(outbound.conversation(CHANNEL_ID))
                .contains(new ConversationAddress(
                        SERVICE_URL, CHANNEL_ID, TENANT_ID, TestBotConnector.BOT_ID, "channel", CHANNEL_ID));
        assertThat(outbound.user(ALICE_ID))
                .contains(new UserAddress(SERVICE_URL, CHANNEL_ID, TENANT_ID, ALICE_ID, ALICE_AAD_ID, ALICE_NAME));
    }

    @Test
    void anAddressOutboundCouldNotAnswerAtIsNotWrittenAndTheActivityStillGoesThrough() {
        book.remember(parse(Activities.message("1", "hi").inThread("0").serviceUrl("smba.trafficmanager.net/emea")));

        assertThat(addresses.writes).isEmpty();
    }

    @Test
    void personalChatIsRememberedWithoutATeamsChannel() throws Exception {
        book.remember(parse(Activities.message("1", "hi").personal()));

        JsonNode chat = stored("conversation:" + Activities.PERSONAL_CHAT_ID);
        assertThat(chat.get("conversationType").asText()).isEqualTo("personal");
        assertThat(chat.get("teamsChannelId").isNull()).isTrue();
        assertThat(stored("user:" + ALICE_ID).get("conversationId").asText()).isEqualTo(Activities.PERSONAL_CHAT_ID);
    }

    @Test
    void unchangedAddressesAreWrittenOnce() {
        for (int i = 0; i < 50; i++) {
            book.remember(parse(Activities.message("m" + i, "hi").inThread("0")));
        }

        assertThat(addresses.writes).containsExactly("conversation:" + CHANNEL_ID, "user:" + ALICE_ID);
    }

    @Test
    void changedServiceUrlOrNameIsWrittenAgain() throws Exception {
        book.remember(parse(Activities.message("1", "hi").inThread("0")));
        book.remember(parse(Activities.message("2", "hi")
                .inThread("0")
                .serviceUrl("https://smba.trafficmanager.net/amer/")
                .from(ALICE_ID, "Alice Married-Name", ALICE_AAD_ID)));

        assertThat(addresses.writes).hasSize(4);
        assertThat(stored("user:" + ALICE_ID).get("name").asText()).isEqualTo("Alice Married-Name");
        assertThat(stored("conversation:" + CHANNEL_ID).get("serviceUrl").asText())
                .isEqualTo("https://smba.trafficmanager.net/amer/");
    }

    @Test
    void personSeenInAnotherConversationKeepsTheFirstOne() throws Exception {
        book.remember(parse(Activities.message("1", "hi").inThread("0")));
        book.remember(parse(Activities.message("2", "hi").groupChat()));

        assertThat(addresses.writes)
                .containsExactly(
                        "conversation:" + CHANNEL_ID, "user:" + ALICE_ID, "conversation:" + Activities.GROUP_CHAT_ID);
        assertThat(stored("user:" + ALICE_ID).get("conversationId").asText()).isEqualTo(CHANNEL_ID);
    }

    @Test
    void failedWriteThrowsAndIsWrittenAgainNextTime() {
        addresses.down = true;
        assertThatThrownBy(
                        () -> book.remember(parse(Activities.message("1", "hi").inThread("0"))))
                .hasMessageContaining("database down");

        addresses.down = false;
        book.remember(parse(Activities.message("2", "hi").inThread("0")));

        assertThat(addresses.writes).containsExactly("conversation:" + CHANNEL_ID, "user:" + ALICE_ID);
    }
}
