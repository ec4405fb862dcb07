package dev.opsbot.core.conversation;

import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.inventoryWithout;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import dev.opsbot.core.testing.triage.Evidence;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.InvestigationObserver;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.ChartRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** "why is checkout 5xx?" in a thread: progress first, then the answer; every failure still gets a message. */
class InvestigateHandlerTest {
    private static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");
    private static final ChatUser ALICE = new ChatUser("alice", "Alice Chen", "alice@example.com");

    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final List<String> observed = new ArrayList<>();
    private final InvestigationObserver observer = new InvestigationObserver() {
        @Override
        public void answered(TriageReport report, Duration took) {
            observed.add("answered " + report.result().top().cause().jsonName());
        }

        @Override
        public void unknownService() {
            observed.add("unknown service");
        }

        @Override
        public void failed(Throwable error) {
            observed.add("failed");
        }

        @Override
        public void refused(String kind) {
            observed.add("refused " + kind);
        }
    };

    private final CountingCredentialBroker broker = new CountingCredentialBroker();
    private final Acting acting =
            new Acting(new FixedIdentities(People.alice(), People.carol()), broker, Environments.only("production"));

    private void ask(Supplier<TriageService> triage, String text) {
        ask(triage, ALICE, text);
    }

    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private java.util.Optional<dev.opsbot.core.learning.TeamKnowledge> knowledge = java.util.Optional.empty();

    private void ask(Supplier<TriageService> triage, ChatUser user, String text) {
        Responder responder = new Responder(
                chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), user.id(), Clock.systemUTC());
        ChatEvent event = new ChatEvent.Mention("e1", THREAD, "m1", user, text, Instant.now());
        Intent.Investigate intent = (Intent.Investigate) new IntentParser().parse(text);
        new InvestigateHandler(
                        triage,
                        acting,
                        new AnswerRenderer(ChartRenderer.NONE),
                        observer,
                        dev.opsbot.core.conversation.Proposer.NONE,
                        audit,
                        java.util.Optional.empty(),
                        knowledge)
                .handle(event, intent, responder);
    }

    @Test
    void theQuestionAndEverySourceRunAreAuditedAsThePersonWithSecretsRedacted() {
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering(e -> e.inventory(inventory("checkout", 42))
                        .change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("checkout", "resources.limits.memory", "512Mi", "128Mi")
                                .build()));
        FakeEvidenceSource prometheus = FakeEvidenceSource.named("prometheus")
                .failingWith(SourceFailure.timeout("prometheus", Duration.ofSeconds(2)));

        ask(
                () -> service(kubernetes, prometheus),
                "@opsbot why is checkout 5xx? token ghp_abcdefghijklmnopqrstuvwxyz0123456789");

        var question = audit.events(AuditEvent.QuestionAsked.class);
        assertThat(question).singleElement().satisfies(q -> {
            assertThat(q.actor()).isEqualTo("alice@example.com");
            assertThat(q.thread()).isEqualTo("console/inc-checkout/t1");
            assertThat(q.question())
                    .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
                    .contains("[[secret:");
        });
        var runs = audit.events(AuditEvent.ToolRun.class);
        assertThat(runs)
                .extracting(AuditEvent.ToolRun::tool)
                .containsExactlyInAnyOrder("triage.kubernetes", "triage.prometheus");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.actor()).isEqualTo("alice@example.com");
            assertThat(run.identity()).contains("alice@example.com").contains("oncall");
            assertThat(run.arguments()).contains("\"service\":\"checkout\"");
        });
        assertThat(runs)
                .filteredOn(run -> run.tool().equals("triage.kubernetes"))
                .singleElement()
                .satisfies(run -> {
                    assertThat(run.outcome()).isEqualTo("ok");
                    assertThat(run.resultSize()).as("one change").isEqualTo(1);
                });
        assertThat(runs)
                .filteredOn(run -> run.tool().equals("triage.prometheus"))
                .singleElement()
                .satisfies(run -> assertThat(run.outcome()).startsWith("error: prometheus did not answer"));
    }

    private static TriageService service(FakeEvidenceSource... sources) {
        return new TriageService(
                List.of(sources),
                Duration.ofSeconds(2),
                "shop",
                () -> Evidence.NOW,
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    @Test
    void postsProgressThenTheAnswerAndMarksTheProgressDone() {
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering(e -> e.inventory(inventory("checkout", 42))
                        .change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("checkout", "resources.limits.memory", "512Mi", "128Mi")
                                .build())
                        .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                                .at("02:33")
                                .build()));
        FakeEvidenceSource prometheus = FakeEvidenceSource.named("prometheus")
                .failingWith(SourceFailure.timeout("prometheus", Duration.ofSeconds(2)));

        ask(() -> service(kubernetes, prometheus), "@opsbot why is checkout 5xx?");

        assertThat(chat.posted()).hasSize(2);
        assertThat(chat.posted().get(0).reply().text()).startsWith(":mag: Investigating *checkout* in shop");
        String answer = chat.posted().get(1).reply().text();
        assertThat(answer).contains("oom").contains("rollback Deployment shop/checkout to revision 41");
        assertThat(chat.posted().get(1).reply().blocks())
                .anyMatch(b -> b instanceof Block.Context c && c.text().contains("Could not check prometheus"));
        var updates = chat.updates();
        assertThat(updates.getLast().reply().text())
                .startsWith(":white_check_mark: Investigated *checkout*")
                .contains("1 failed");
        assertThat(updates).anyMatch(u -> u.reply().text().contains("kubernetes ✓"));
        assertThat(kubernetes.asked().getFirst().namespace()).isEqualTo("shop");
        assertThat(kubernetes.contexts().getFirst().actor().subject()).isEqualTo("alice@example.com");
        assertThat(observed).containsExactly("answered oom");
    }

    @Test
    void theInvestigationRunsAsThePersonWithTheirKubernetesGroupsAndFetchesAwsCredentialsOnlyWhenASourceAsks() {
        FakeEvidenceSource kubernetes =
                FakeEvidenceSource.named("kubernetes").answering(e -> e.inventory(inventory("checkout", 42)));

        ask(() -> service(kubernetes), "@opsbot why is checkout 5xx?");

        var context = kubernetes.contexts().getFirst();
        assertThat(context.actor().groups()).containsExactly("oncall");
        assertThat(broker.reads()).as("no source asked for AWS yet").isEmpty();
        assertThat(context.cloud().get().roleArn()).isEqualTo(People.READ_ROLE);
        assertThat(broker.reads()).singleElement().satisfies(read -> {
            assertThat(read.email()).isEqualTo("alice@example.com");
            assertThat(read.environment()).isEqualTo("production");
            assertThat(read.origin().thread()).isEqualTo(THREAD);
            assertThat(read.origin().requestId()).isEqualTo("e1");
        });
    }

    @Test
    void someoneNotMappedIsToldWhoToAskAndNothingIsInvestigated() {
        FakeEvidenceSource kubernetes =
                FakeEvidenceSource.named("kubernetes").answering(e -> e.inventory(inventory("checkout", 42)));

        ask(() -> service(kubernetes), new ChatUser("mallory", "Mallory", null), "@opsbot why is checkout 5xx?");

        assertThat(kubernetes.asked()).isEmpty();
        assertThat(chat.posted()).singleElement().satisfies(posted -> assertThat(
                        posted.reply().text())
                .isEqualTo(":no_entry: I can't investigate as you: Mallory is not mapped to any cloud identity. "
                        + FixedIdentities.CONTACT));
        assertThat(observed).containsExactly("refused not_in_directory");
    }

    @Test
    void someoneWithAccessOnlyInAnotherEnvironmentIsRefusedHere() {
        FakeEvidenceSource kubernetes =
                FakeEvidenceSource.named("kubernetes").answering(e -> e.inventory(inventory("checkout", 42)));

        ask(
                () -> service(kubernetes),
                new ChatUser("carol", "Carol Diaz", "carol@example.com"),
                "@opsbot why is checkout 5xx?");

        assertThat(kubernetes.asked()).isEmpty();
        assertThat(chat.posted().getFirst().reply().text())
                .contains("carol@example.com has no read access in production (only in staging)")
                .contains(FixedIdentities.CONTACT);
    }

    @Test
    void anUnknownServiceIsAnsweredWithCloseNamesInPlaceOfTheProgress() {
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering(e -> e.inventory(inventoryWithout("checkout", "cart", "payments")));

        ask(() -> service(kubernetes), "@opsbot why is chekout 5xx?");

        assertThat(chat.posted()).hasSize(1);
        assertThat(chat.updates().getLast().reply().text())
                .contains("no service 'chekout' in namespace shop")
                .contains("did you mean checkout");
        assertThat(observed).containsExactly("unknown service");
    }

    @Test
    void aFailingInvestigationTellsThePersonWhyInsteadOfGoingQuiet() {
        ask(
                () -> {
                    throw new IllegalStateException("the scenario server is not running");
                },
                "@opsbot why is checkout slow?");

        assertThat(chat.posted()).hasSize(1);
        assertThat(chat.posted().getFirst().reply().text())
                .isEqualTo(":warning: I cannot investigate right now: the scenario server is not running");
        assertThat(observed).containsExactly("failed");
    }

    @Test
    void theAnswerCitesWhatTheTeamRemembersAndTheVerdictIsKept() {
        var memory = new dev.opsbot.core.testing.WordsTeamMemory();
        var verdicts = new dev.opsbot.core.testing.InMemoryVerdictStore();
        var remembered = memory.remember(
                dev.opsbot.core.memory.MemoryKind.FIX,
                "checkout OOMKilled: memory limit lowered; rolling back fixed it",
                new dev.opsbot.core.memory.MemoryScope("console/inc-checkout", "checkout", "shop"),
                new dev.opsbot.core.memory.MemorySource(
                        "console/inc-checkout/t0", null, "bob@example.com", "#inc-checkout", Evidence.NOW));
        knowledge = java.util.Optional.of(new dev.opsbot.core.learning.TeamKnowledge(
                java.util.Optional.of(memory), dev.opsbot.core.memory.Runbooks.NONE, verdicts, 0.3, Clock.systemUTC()));
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering(e -> e.inventory(inventory("checkout", 42))
                        .change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("checkout", "resources.limits.memory", "512Mi", "128Mi")
                                .build())
                        .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                                .at("02:33")
                                .build()));

        ask(() -> service(kubernetes), "@opsbot why is checkout OOMKilled?");

        assertThat(chat.posted()).hasSize(3);
        assertThat(chat.posted().get(1).reply().text()).contains("oom");
        assertThat(chat.posted().get(2).reply().text())
                .startsWith(":brain: From team memory (learned in #inc-checkout on ")
                .contains("by bob): checkout OOMKilled: memory limit lowered; rolling back fixed it");
        assertThat(memory.find(remembered.id()).orElseThrow().uses()).isEqualTo(1);
        var verdict = verdicts.latest(THREAD).orElseThrow();
        assertThat(verdict.cause()).isEqualTo(dev.opsbot.core.triage.Cause.OOM);
        assertThat(verdict.asker()).isEqualTo("alice@example.com");
        assertThat(verdict.fix()).isEqualTo("rollback Deployment shop/checkout to revision 41");
    }
}
