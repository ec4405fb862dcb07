package dev.opsbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.db.Database;
import dev.opsbot.db.console.JooqConsoleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** opsbot starting threads on the console: in a configured channel, and in a person's own {@code @id} channel. */
class ConsoleChatPortTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    private static final ConsoleUsers USERS = new ConsoleUsers(List.of(
            new ConsoleUsers.User("alice", "Alice Chen", "alice@example.com", "on-call engineer"),
            new ConsoleUsers.User("bob", "Bob Okafor", "Bob@Example.com", "SRE lead"),
            new ConsoleUsers.User("mallory", "Mallory", null, "not mapped")));

    private Database database;
    private ConsoleStore store;
    private ConsoleHub hub;
    private ConsoleChatPort port;

    @BeforeEach
    void start() {
        database = new Database(
                Database.inMemoryH2Url("console-port-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        database.migrate();
        store = new JooqConsoleStore(database.dsl());
        hub = new ConsoleHub();
        port = new ConsoleChatPort(
                store, hub, new ConsoleJson(new ObjectMapper()), CLOCK, USERS, List.of("incident-checkout", "general"));
    }

    @AfterEach
    void stop() {
        hub.close();
        database.close();
    }

    @Test
    void aMessageToAChannelIsANewThreadThereThatPeopleCanAnswerIn() {
        MessageRef handoff = port.postToChannel("incident-checkout", Reply.text("Shift handoff"));

        assertThat(handoff.thread()).isEqualTo(new ThreadRef("console", "incident-checkout", handoff.messageId()));
        assertThat(store.recentThreads("incident-checkout", 10)).singleElement().satisfies(root -> {
            assertThat(root.id()).isEqualTo(handoff.messageId());
            assertThat(root.thread()).isEqualTo(root.id());
            assertThat(root.user()).isEqualTo("opsbot");
            assertThat(root.text()).isEqualTo("Shift handoff");
            assertThat(root.blocks()).contains("Shift handoff");
        });

        port.post(handoff.thread(), Reply.text("I could not send this handoff to bob directly"));

        assertThat(store.thread(handoff.messageId()))
                .extracting(ConsoleMessage::text)
                .containsExactly("Shift handoff", "I could not send this handoff to bob directly");
    }

    @Test
    void aChannelTheConsoleDoesNotOfferIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> port.postToChannel("inc-payments", Reply.text("Shift handoff")))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("no console channel 'inc-payments'; channels: incident-checkout, general");
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(store.count()).isZero();
    }

    @Test
    void aDirectMessageGoesIntoThePersonsOwnChannelFoundByEmailIgnoringCase() {
        MessageRef sent = port.postDirect("bob@example.com", Reply.text("You are on call from 08:00"));

        assertThat(sent.thread()).isEqualTo(new ThreadRef("console", "@bob", sent.messageId()));
        assertThat(store.thread(sent.messageId())).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo("@bob");
            assertThat(message.user()).isEqualTo("opsbot");
            assertThat(message.text()).isEqualTo("You are on call from 08:00");
        });
        assertThat(store.recentThreads("@bob", 10))
                .extracting(ConsoleMessage::id)
                .containsExactly(sent.messageId());
        assertThat(store.recentThreads("incident-checkout", 10)).isEmpty();
    }

    @Test
    void aDirectMessageToAnEmailNoConsoleUserHasIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> port.postDirect("carol@example.com", Reply.text("You are on call")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessage("no console user has the e-mail carol@example.com (console.users)");
        assertThat(store.count()).isZero();
    }

    @Test
    void aPortBuiltWithoutUsersAndChannelsOnlyAnswersInThreads() {
        ConsoleChatPort threadsOnly = new ConsoleChatPort(store, hub, new ConsoleJson(new ObjectMapper()), CLOCK);

        assertThatThrownBy(() -> threadsOnly.postToChannel("general", Reply.text("x")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessage("no console channel 'general'; channels: none");
        assertThatThrownBy(() -> threadsOnly.postDirect("alice@example.com", Reply.text("x")))
                .isInstanceOf(ChatDeliveryException.class);
        MessageRef answer = threadsOnly.post(new ThreadRef("console", "general", "m1"), Reply.text("answer"));
        assertThat(store.find(answer.messageId())).map(ConsoleMessage::thread).contains("m1");
    }
}
