package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.opsbot.core.agent.AgentBudget;
import dev.opsbot.core.agent.AgentLoop;
import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.agent.Turn;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.learning.TeamKnowledge;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.Runbooks;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.testing.agent.ScriptedChatModel;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolInvoker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A question no rule understands: the model answers it as the person, but only once the person is known and may
 * read here; without a model, or with nothing asked, opsbot says what it can do; a follow-up continues only a
 * conversation the model is already in.
 */
class AskHandlerTest {
    private static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");
    private static final ThreadRef ELSEWHERE = new ThreadRef("console", "inc-checkout", "t2");
    private static final ChatUser ALICE = new ChatUser("alice", "Alice Chen", "alice@example.com");
    private static final ChatUser CAROL = new ChatUser("carol", "Carol Diaz", "carol@example.com");
    private static final ChatUser MALLORY = new ChatUser("mallory", "mallory", "mallory@example.com");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryBotMessageStore messages = new InMemoryBotMessageStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CountingCredentialBroker broker = new CountingCredentialBroker();
    private final Acting acting =
            new Acting(new FixedIdentities(People.alice(), People.carol()), broker, Environments.only("production"));
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final AgentTranscripts transcripts = AgentTranscripts.inMemory(100, 20);
    private final WordsTeamMemory memory = new WordsTeamMemory();
    /** Counts how often the advisor started a run: it asks for the tools first thing. */
    private final AtomicInteger advised = new AtomicInteger();

    private Supplier<List<Tool>> tools = List::of;

    private AgentAdvisor advisor() {
        AgentLoop loop = new AgentLoop(model, "scripted-model", new ToolInvoker(), AgentBudget.DEFAULTS, clock);
        return new AgentAdvisor(
                loop,
                () -> {
                    advised.incrementAndGet();
                    return tools.get();
                },
                Proposer.NONE,
                action -> Optional.empty(),
                TransportGuard.defaults(),
                audit,
                AgentObserver.NONE,
                transcripts,
                clock);
    }

    private AskHandler withModel() {
        TeamKnowledge knowledge =
                new TeamKnowledge(Optional.of(memory), Runbooks.NONE, new InMemoryVerdictStore(), 0.45, clock);
        return new AskHandler(acting, Optional.of(advisor()), Optional.of(knowledge));
    }

    private void ask(AskHandler handler, ChatUser user, String text) {
        ask(handler, mention(user, text));
    }

    private void ask(AskHandler handler, ChatEvent event) {
        String text =
                switch (event) {
                    case ChatEvent.Mention m -> m.text();
                    case ChatEvent.Message m -> m.text();
                    default -> throw new IllegalArgumentException(event.toString());
                };
        Responder responder = new Responder(
                chat,
                event.thread(),
                messages,
                new InMemoryThreadStore(),
                event.user().id(),
                clock);
        handler.handle(event, new Intent.Unrecognized(text), responder);
    }

    private ChatEvent mention(ChatUser user, String text) {
        return new ChatEvent.Mention(
                "e-" + text.hashCode(), THREAD, "m-" + text.hashCode(), user, text, clock.instant());
    }

    private ChatEvent followUp(ThreadRef thread, ChatUser user, String text) {
        return new ChatEvent.Message(
                "e-" + text.hashCode(), thread, "m-" + text.hashCode(), user, text, clock.instant());
    }

    private List<String> said() {
        return chat.posted().stream().map(p -> p.reply().text()).toList();
    }

    private void assertTheModelWasNeverAsked() {
        assertThat(advised).as("the advisor never started").hasValue(0);
        assertThat(model.requests()).isEmpty();
        assertThat(audit.events(AuditEvent.ModelCalled.class)).isEmpty();
        assertThat(transcripts.recent(THREAD, 10)).isEmpty();
        assertThat(broker.reads()).as("no credentials were fetched as anyone").isEmpty();
    }

    @Test
    void anUnmappedAskerIsRefusedWithTheIdentityMessageAndTheModelIsNeverCalled() {
        ask(withModel(), MALLORY, "@opsbot what changed in checkout today?");

        assertThat(said())
                .containsExactly(":no_entry: I can't investigate as you: mallory is not mapped to any cloud identity. "
                        + FixedIdentities.CONTACT);
        assertThat(messages.find("console", chat.posted().getFirst().ref().messageId()))
                .get()
                .extracting(BotMessage::kind, BotMessage::subject)
                .containsExactly(Responder.ANSWER, "identity");
        assertTheModelWasNeverAsked();
    }

    @Test
    void anAskerWithNoReadAccessInThisEnvironmentIsRefusedAndTheModelIsNeverCalled() {
        ask(withModel(), CAROL, "@opsbot what changed in checkout today?");

        assertThat(said())
                .singleElement()
                .asString()
                .startsWith(":no_entry: I can't investigate as you: carol@example.com has no read access in"
                        + " production (only in staging).");
        assertTheModelWasNeverAsked();
    }

    @Test
    void anUnmappedPersonsFollowUpInAThreadTheModelIsTalkingInIsRefusedBeforeTheModel() {
        AskHandler handler = withModel();
        model.thenAnswer("{\"answer\":\"checkout runs 3 pods, all ready\"}");
        ask(handler, ALICE, "@opsbot how many checkout pods run?");
        ChatEvent followUp = followUp(THREAD, MALLORY, "and could you scale it to zero?");
        assertThat(handler.continues(followUp, "and could you scale it to zero?"))
                .isTrue();

        ask(handler, followUp);

        assertThat(said().getLast())
                .isEqualTo(":no_entry: I can't investigate as you: mallory is not mapped to any cloud identity. "
                        + FixedIdentities.CONTACT);
        assertThat(model.requests()).as("alice's question only").hasSize(1);
        assertThat(advised).hasValue(1);
        assertThat(transcripts.recent(THREAD, 10)).extracting(Turn::text).noneMatch(t -> t.contains("zero"));
    }

    @Test
    void aMappedAskersQuestionReachesTheModelWithTheRecalledCitations() {
        memory.remember(
                MemoryKind.FACT,
                "checkout payments provider calls hit timeouts when the egress proxy is full",
                MemoryScope.team("console/inc-checkout"),
                new MemorySource(
                        "console/inc-checkout/t0",
                        null,
                        "bob@example.com",
                        "#inc-checkout",
                        Instant.parse("2026-03-09T10:00:00Z")));
        model.thenAnswer("{\"answer\":\"the egress proxy is dropping connections to the provider\"}");

        ask(withModel(), ALICE, "@opsbot why do checkout payments provider calls hit timeouts?");

        String citation = "From team memory (learned in #inc-checkout on 9 Mar by bob): checkout payments provider"
                + " calls hit timeouts when the egress proxy is full";
        String prompt =
                ScriptedChatModel.text(model.requests().getFirst().messages().get(1));
        assertThat(prompt)
                .contains("Question from Alice Chen: @opsbot why do checkout payments provider calls hit timeouts?")
                .contains("<data kind=\"memory\" source=\"team\" trust=\"untrusted\">\n" + citation + "\n</data>");
        assertThat(said())
                .as("the citation in the thread, then the model's answer")
                .anySatisfy(line -> assertThat(line).startsWith(":brain: " + citation))
                .last()
                .asString()
                .startsWith(":brain: the egress proxy is dropping connections to the provider");
        assertThat(audit.events(AuditEvent.ModelCalled.class))
                .singleElement()
                .satisfies(call -> assertThat(call.actor()).isEqualTo("alice@example.com"));
    }

    @Test
    void withoutAModelConfiguredItSaysWhatItCanDo() {
        ask(new AskHandler(acting, Optional.empty()), ALICE, "@opsbot what changed in checkout today?");

        assertThat(said())
                .singleElement()
                .asString()
                .startsWith("I can't do \"@opsbot what changed in checkout today?\" yet. I can:");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aBlankQuestionGetsWhatItCanDoAndNoModelCall() {
        ask(withModel(), ALICE, "   ");

        assertThat(said())
                .singleElement()
                .asString()
                .startsWith("I can't do \"")
                .contains("\" yet. I can:");
        assertTheModelWasNeverAsked();
    }

    @Test
    void aFailingAdvisorIsSaidInTheThreadAndNothingIsThrown() {
        tools = () -> {
            throw new IllegalStateException("the tool registry is not ready: password=Xk9mQ2vT7zQpL4");
        };
        AskHandler handler = withModel();

        assertThatCode(() -> ask(handler, ALICE, "@opsbot what changed in checkout today?"))
                .doesNotThrowAnyException();

        assertThat(said().getLast())
                .startsWith(":warning: The model could not answer: something failed on opsbot's side")
                .as("an exception's message was never redacted: it stays in the log")
                .doesNotContain("Xk9mQ2vT7zQpL4")
                .doesNotContain("tool registry");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aFollowUpContinuesOnlyAsAQuestionInAThreadTheModelIsTalkingIn() {
        AskHandler handler = withModel();
        assertThat(handler.continues(followUp(THREAD, ALICE, "and the pods?"), "and the pods?"))
                .as("the model has not talked here yet")
                .isFalse();

        transcripts.append(THREAD, new Turn(Turn.OPSBOT, "checkout runs 3 pods, all ready"));

        assertThat(handler.continues(followUp(THREAD, ALICE, "and the pods?"), "and the pods?"))
                .isTrue();
        assertThat(handler.continues(followUp(THREAD, ALICE, " were they restarted?  "), " were they restarted?  "))
                .isTrue();
        assertThat(handler.continues(followUp(THREAD, ALICE, "thanks, that helps"), "thanks, that helps"))
                .as("not a question: people talking among themselves")
                .isFalse();
        assertThat(handler.continues(followUp(THREAD, ALICE, "is it the proxy? no idea"), "is it the proxy? no idea"))
                .isFalse();
        assertThat(handler.continues(followUp(ELSEWHERE, ALICE, "and the pods?"), "and the pods?"))
                .as("another thread, where the model has not talked")
                .isFalse();
    }

    @Test
    void withoutAModelNothingContinues() {
        transcripts.append(THREAD, new Turn(Turn.OPSBOT, "checkout runs 3 pods, all ready"));
        AskHandler handler = new AskHandler(acting, Optional.empty());

        assertThat(handler.continues(followUp(THREAD, ALICE, "and the pods?"), "and the pods?"))
                .isFalse();
    }
}
