package dev.opsbot.core.learning;

import static dev.opsbot.core.learning.Fixtures.NOW;
import static dev.opsbot.core.learning.Fixtures.THREAD;
import static dev.opsbot.core.learning.Fixtures.reacted;
import static dev.opsbot.core.learning.Fixtures.unreacted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryReactionsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final WordsTeamMemory memory = new WordsTeamMemory();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final Acting acting = new Acting(
            new FixedIdentities(People.alice(), People.bob()),
            new CountingCredentialBroker(),
            Environments.only("production"));
    private final MemoryReactions reactions = new MemoryReactions(acting, memory, audit, Duration.ofMinutes(30), clock);

    private MemoryItem kept(String text) {
        return memory.remember(
                MemoryKind.FIX,
                text,
                new MemoryScope("console/inc-checkout", "checkout", "shop"),
                new MemorySource("console/inc-checkout/t1", null, "alice@example.com", "#inc-checkout", NOW));
    }

    private void react(ChatEvent event, String kind, String subject) {
        BotMessage message = new BotMessage(new MessageRef(THREAD, "b-1"), kind, subject, NOW);
        reactions.onReaction(
                event,
                message,
                new Responder(chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), "x", clock));
    }

    @Test
    void anObjectionWithinTheWindowTakesTheProposedMemoryBack() {
        MemoryItem item = kept("checkout OOMs below 512Mi");
        clock.advance(Duration.ofMinutes(29));

        react(reacted("bob", "b-1", "x"), ThreadLearning.MEMORY_PROPOSAL, item.id());

        assertThat(memory.items()).isEmpty();
        assertThat(chat.posted().getLast().reply().text())
                .isEqualTo(":wastebasket: bob objected: I won't keep `" + item.id() + "`.");
        assertThat(audit.events(AuditEvent.MemoryChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo("objected");
            assertThat(e.actor()).isEqualTo("bob@example.com");
            assertThat(e.text()).isEqualTo("checkout OOMs below 512Mi");
        });
    }

    @Test
    void afterTheWindowTheMemoryStaysAndTheReplySaysHowToForgetIt() {
        MemoryItem item = kept("checkout OOMs below 512Mi");
        clock.advance(Duration.ofMinutes(31));

        react(reacted("bob", "b-1", "x"), ThreadLearning.MEMORY_PROPOSAL, item.id());

        assertThat(memory.items()).hasSize(1);
        assertThat(chat.posted().getLast().reply().text())
                .contains("Too late to object", "`@opsbot forget " + item.id() + "`");
    }

    @Test
    void anObjectionFromSomeoneOpsbotCannotResolveDoesNotCount() {
        MemoryItem item = kept("checkout OOMs below 512Mi");

        react(reacted("mallory", "b-1", "x"), ThreadLearning.MEMORY_PROPOSAL, item.id());

        assertThat(memory.items()).hasSize(1);
        assertThat(chat.posted().getLast().reply().text()).contains("mallory's objection doesn't count");
    }

    @Test
    void otherReactionsOnAProposalAndAnObjectionSentTwiceChangeNothing() {
        MemoryItem item = kept("checkout OOMs below 512Mi");
        react(reacted("bob", "b-1", "eyes"), ThreadLearning.MEMORY_PROPOSAL, item.id());
        assertThat(memory.items()).hasSize(1);

        react(reacted("bob", "b-1", "x"), ThreadLearning.MEMORY_PROPOSAL, item.id());
        react(reacted("alice", "b-1", "x"), ThreadLearning.MEMORY_PROPOSAL, item.id());

        assertThat(chat.posted()).hasSize(1);
        assertThat(audit.events(AuditEvent.MemoryChanged.class)).hasSize(1);
    }

    @Test
    void thumbsOnACitationAreVotesOnEveryCitedMemoryAndRemovingOneTakesItBack() {
        MemoryItem first = kept("checkout OOMs below 512Mi");
        MemoryItem second = kept("checkout restarts when redis is down");
        String subject = first.id() + "," + second.id();

        react(reacted("alice", "b-1", "+1"), TeamKnowledge.CITATION, subject);
        react(reacted("bob", "b-1", "-1"), TeamKnowledge.CITATION, subject);
        assertThat(memory.find(first.id()).orElseThrow().upVotes()).isEqualTo(1);
        assertThat(memory.find(second.id()).orElseThrow().downVotes()).isEqualTo(1);

        react(unreacted("bob", "b-1", "-1"), TeamKnowledge.CITATION, subject);
        assertThat(memory.find(second.id()).orElseThrow().downVotes()).isZero();
        assertThat(memory.find(second.id()).orElseThrow().upVotes()).isEqualTo(1);
        assertThat(chat.posted()).isEmpty();
    }

    @Test
    void votesOfPeopleOpsbotCannotResolveAndOnOtherMessagesDoNotCount() {
        MemoryItem item = kept("checkout OOMs below 512Mi");

        react(reacted("mallory", "b-1", "+1"), TeamKnowledge.CITATION, item.id());
        react(reacted("alice", "b-1", "+1"), "answer", item.id());

        assertThat(memory.find(item.id()).orElseThrow().upVotes()).isZero();
    }

    @Test
    void onACitationATickCountsUpAndACrossDown() {
        MemoryItem item = kept("checkout OOMs below 512Mi");

        react(reacted("alice", "b-1", "white_check_mark"), TeamKnowledge.CITATION, item.id());
        react(reacted("bob", "b-1", "x"), TeamKnowledge.CITATION, item.id());

        assertThat(memory.find(item.id()).orElseThrow().upVotes()).isEqualTo(1);
        assertThat(memory.find(item.id()).orElseThrow().downVotes()).isEqualTo(1);
        assertThat(memory.items()).hasSize(1);
    }
}
