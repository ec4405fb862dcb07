package dev.opsbot.core.learning;

import static dev.opsbot.core.learning.Fixtures.NOW;
import static dev.opsbot.core.learning.Fixtures.OOM_SUMMARY;
import static dev.opsbot.core.learning.Fixtures.THREAD;
import static dev.opsbot.core.learning.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryProposalStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadLearningTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryVerdictStore verdicts = new InMemoryVerdictStore();
    private final InMemoryProposalStore proposals = new InMemoryProposalStore();
    private final WordsTeamMemory memory = new WordsTeamMemory();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryBotMessageStore botMessages = new InMemoryBotMessageStore();
    private final ThreadLearning learning = new ThreadLearning(
            verdicts, proposals, Optional.of(memory), LessonWriter.AS_BUILT, audit, Duration.ofMinutes(30), clock);

    private Responder responder() {
        return new Responder(chat, THREAD, botMessages, new InMemoryThreadStore(), "alice", clock);
    }

    private void executed(String operation) {
        Proposal proposal = new Proposal(
                "p-1",
                THREAD,
                null,
                new ProposedAction(
                        "kubernetes.rollback",
                        "Deployment/shop/checkout",
                        Map.of("toRevision", 41),
                        operation,
                        Risk.WRITE),
                "production",
                "alice@example.com",
                "alice",
                "triage: oom",
                NOW.minusSeconds(300),
                NOW.plusSeconds(600),
                1,
                ProposalState.PROPOSED,
                null,
                null);
        proposals.create(proposal);
        proposals.transition("p-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, "approved by bob", NOW);
        proposals.transition("p-1", ProposalState.APPROVED, ProposalState.EXECUTING, "replica-1", null, NOW);
        proposals.transition("p-1", ProposalState.EXECUTING, ProposalState.DONE, null, "rolled back", NOW);
    }

    @Test
    void resolvingProposesTheVerdictWithTheFixThatWorkedAndKeepsItAtOnce() {
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));
        executed("rollback deployment shop/checkout to revision 41");

        ThreadLearning.Outcome outcome = learning.resolve(THREAD, "alice@example.com", responder());

        assertThat(outcome).isEqualTo(ThreadLearning.Outcome.PROPOSED);
        MemoryItem kept = memory.items().getFirst();
        assertThat(kept.kind()).isEqualTo(MemoryKind.FIX);
        assertThat(kept.text())
                .contains("(cause: oom)", "What fixed it: rollback deployment shop/checkout to revision 41");
        assertThat(kept.scope().team()).isEqualTo("console/inc-checkout");
        assertThat(kept.scope().service()).isEqualTo("checkout");
        assertThat(kept.scope().namespace()).isEqualTo("shop");
        assertThat(kept.source().author()).isEqualTo("alice@example.com");
        assertThat(kept.source().channelName()).isEqualTo("#inc-checkout");
        assertThat(kept.source().thread()).isEqualTo("console/inc-checkout/t1");

        RecordingChatPort.Posted said = chat.posted().getLast();
        assertThat(said.reply().text())
                .contains("I'll remember this for the team (`" + kept.id() + "`", "React :x: within 30 minutes");
        BotMessage recorded =
                botMessages.find("console", said.ref().messageId()).orElseThrow();
        assertThat(recorded.kind()).isEqualTo(ThreadLearning.MEMORY_PROPOSAL);
        assertThat(recorded.subject()).isEqualTo(kept.id());
        assertThat(audit.events(AuditEvent.MemoryChanged.class)).singleElement().satisfies(changed -> {
            assertThat(changed.change()).isEqualTo("proposed");
            assertThat(changed.memoryId()).isEqualTo(kept.id());
            assertThat(changed.actor()).isEqualTo("alice@example.com");
        });
        assertThat(verdicts.latest(THREAD).orElseThrow().resolvedBy()).isEqualTo("alice@example.com");
    }

    @Test
    void resolvingTwiceProposesOnce() {
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));

        assertThat(learning.resolve(THREAD, "alice@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.PROPOSED);
        assertThat(learning.resolve(THREAD, "bob@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.ALREADY_RESOLVED);

        assertThat(memory.items()).hasSize(1);
        assertThat(verdicts.latest(THREAD).orElseThrow().resolvedBy()).isEqualTo("alice@example.com");
    }

    @Test
    void aVerifiedActionAndAPersonResolvingAtOnceProposeOneMemory() throws Exception {
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<ThreadLearning.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String who = "person" + i + "@example.com";
                running.add(pool.submit(() -> {
                    start.await();
                    outcomes.add(learning.resolve(THREAD, who, responder()));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes)
                .filteredOn(o -> o == ThreadLearning.Outcome.PROPOSED)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o == ThreadLearning.Outcome.ALREADY_RESOLVED)
                .hasSize(racers - 1);
        assertThat(memory.items()).hasSize(1);
    }

    @Test
    void aThreadWithoutAnInvestigationHasNothingToResolve() {
        assertThat(learning.resolve(THREAD, "alice@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.NO_VERDICT);
        assertThat(memory.items()).isEmpty();
        assertThat(chat.posted()).isEmpty();
    }

    @Test
    void aHealthyVerdictResolvesWithoutAMemory() {
        verdicts.record(verdict(THREAD, Cause.HEALTHY, "no 5xx found"));

        assertThat(learning.resolve(THREAD, "alice@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.NOTHING_TO_LEARN);
        assertThat(memory.items()).isEmpty();
        assertThat(verdicts.latest(THREAD).orElseThrow().resolved()).isTrue();
    }

    @Test
    void aLessonTheTeamHoldsAlreadyIsNotKeptTwice() {
        ThreadRef other = new ThreadRef("console", "inc-checkout", "t2");
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));
        verdicts.record(verdict(other, Cause.OOM, OOM_SUMMARY));
        learning.resolve(THREAD, "alice@example.com", responder());

        assertThat(learning.resolve(other, "bob@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.ALREADY_KNOWN);
        assertThat(memory.items()).hasSize(1);
        assertThat(chat.posted().getLast().reply().text()).contains("already holds this lesson");
    }

    @Test
    void withoutTeamMemoryTheThreadStillResolves() {
        ThreadLearning off = new ThreadLearning(
                verdicts, proposals, Optional.empty(), LessonWriter.AS_BUILT, audit, Duration.ofMinutes(30), clock);
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));

        assertThat(off.resolve(THREAD, "alice@example.com", responder())).isEqualTo(ThreadLearning.Outcome.MEMORY_OFF);
        assertThat(verdicts.latest(THREAD).orElseThrow().resolved()).isTrue();
    }

    @Test
    void theWriterPutsTheLessonInItsWordsAndSecretsStayOut() {
        ThreadLearning summarising = new ThreadLearning(
                verdicts,
                proposals,
                Optional.of(memory),
                lesson -> lesson.withText("checkout OOMs below 512Mi; password=hunter2hunter2 fixes it"),
                audit,
                Duration.ofMinutes(30),
                clock);
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));

        summarising.resolve(THREAD, "alice@example.com", responder());

        assertThat(memory.items().getFirst().text())
                .startsWith("checkout OOMs below 512Mi")
                .doesNotContain("hunter2");
    }

    @Test
    void aLessonMemoryCannotKeepIsShownSoNothingIsLost() {
        verdicts.record(verdict(THREAD, Cause.OOM, OOM_SUMMARY));
        memory.failWith(new IllegalStateException("the embedding model did not load"));

        assertThat(learning.resolve(THREAD, "alice@example.com", responder()))
                .isEqualTo(ThreadLearning.Outcome.NOT_KEPT);

        assertThat(verdicts.latest(THREAD).orElseThrow().resolved()).isTrue();
        assertThat(chat.posted().getLast().reply().text())
                .contains(
                        "could not keep",
                        "the embedding model did not load",
                        "@opsbot remember fact: for checkout: checkout (shop): Memory limit lowered 512Mi");
    }
}
