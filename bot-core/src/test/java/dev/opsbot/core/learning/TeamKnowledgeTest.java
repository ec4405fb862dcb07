package dev.opsbot.core.learning;

import static dev.opsbot.core.learning.Fixtures.NOW;
import static dev.opsbot.core.learning.Fixtures.THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.core.memory.Runbooks;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.TriageResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamKnowledgeTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final WordsTeamMemory memory = new WordsTeamMemory();
    private final InMemoryVerdictStore verdicts = new InMemoryVerdictStore();
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryBotMessageStore botMessages = new InMemoryBotMessageStore();
    private Runbooks runbooks = Runbooks.NONE;

    private TeamKnowledge knowledge() {
        return new TeamKnowledge(Optional.of(memory), runbooks, verdicts, 0.45, clock);
    }

    private MemoryItem remember(String team, String service, String text) {
        return memory.remember(
                MemoryKind.FACT,
                text,
                new MemoryScope(team, service, null),
                new MemorySource(team + "/t0", null, "alice@example.com", "#inc-checkout", NOW.minusSeconds(86_400)));
    }

    private static TriageReport report(TriageResult result) {
        return new TriageReport(result, null, List.of());
    }

    @Test
    void aRememberedCauseForTheSameServiceRaisesItsHypothesisAboveTheOthers() {
        MemoryItem oom =
                remember("console/inc-checkout", "checkout", "checkout restarting: OOMKilled below 512Mi memory limit");
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");

        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);
        TriageResult strengthened =
                knowledge().strengthen(report(triaged), recalled).result();

        assertThat(recalled.memoryIds()).containsExactly(oom.id());
        Hypothesis top = strengthened.top();
        assertThat(top.cause()).isEqualTo(Cause.OOM);
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.confidence()).isEqualTo(0.71); // 0.58 + 0.42 x 0.3
        assertThat(top.remediation()).isNotNull();
        assertThat(top.evidence().getLast().source()).isEqualTo("team-memory");
        assertThat(top.evidence().getLast().detail()).contains(oom.id(), "learned by alice", "OOMKilled below 512Mi");
        assertThat(strengthened.hypotheses().get(1).cause()).isEqualTo(Cause.BAD_DEPLOY);
        assertThat(strengthened.hypotheses().get(1).rank()).isEqualTo(2);
        assertThat(strengthened.hypotheses().get(1).confidence()).isEqualTo(0.62);
    }

    @Test
    void anotherTeamsOrAnotherServicesMemoryIsNotRecalled() {
        remember("console/inc-payments", "checkout", "checkout restarting: OOMKilled below 512Mi memory limit");
        remember("console/inc-checkout", "payments", "payments restarting: OOMKilled below 512Mi memory limit");
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");

        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);

        assertThat(recalled.isEmpty()).isTrue();
        assertThat(knowledge().strengthen(report(triaged), recalled).result()).isEqualTo(triaged);
    }

    @Test
    void aMemoryBelowTheCiteSimilarityIsNeitherCitedNorCounted() {
        remember("console/inc-checkout", null, "the staging cluster is rebuilt every Sunday night");
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");

        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);
        knowledge().cite(recalled, responder());

        assertThat(recalled.isEmpty()).isTrue();
        assertThat(chat.posted()).isEmpty();
    }

    @Test
    void aMemoryAboutAnotherCauseIsCitedButRaisesNothing() {
        remember("console/inc-checkout", "checkout", "checkout restarting checkout restarting when redis is down");
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");

        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);

        assertThat(recalled.memories()).hasSize(1);
        assertThat(knowledge().strengthen(report(triaged), recalled).result()).isEqualTo(triaged);
    }

    @Test
    void citingPostsTheSourceOfEachMemoryAsItsOwnMessageAndCountsTheUse() {
        MemoryItem oom = remember("console/inc-checkout", "checkout", "checkout restarting: OOMKilled below 512Mi");
        runbooks = new Runbooks() {
            @Override
            public List<RunbookPassage> search(String question, String service, int k) {
                return List.of(
                        new RunbookPassage(
                                "checkout.md", "Checkout > OOMKilled", "Raise the limit.\n\nThen roll back.", 1, 0.7),
                        new RunbookPassage("general.md", "TLS", "Rotate certificates.", 0.5, 0.2));
            }

            @Override
            public int size() {
                return 2;
            }
        };
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");
        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);

        knowledge().cite(recalled, responder());

        String said = chat.posted().getLast().reply().text();
        assertThat(said)
                .contains("From team memory (learned in #inc-checkout on 9 Mar by alice): checkout restarting:"
                        + " OOMKilled below 512Mi")
                .contains("From runbook checkout.md › Checkout > OOMKilled: Raise the limit. Then roll back.")
                .contains("React :+1:")
                .doesNotContain("general.md");
        BotMessage message = botMessages
                .find("console", chat.posted().getLast().ref().messageId())
                .orElseThrow();
        assertThat(message.kind()).isEqualTo(TeamKnowledge.CITATION);
        assertThat(message.subject()).isEqualTo(oom.id());
        assertThat(memory.find(oom.id()).orElseThrow().uses()).isEqualTo(1);
    }

    @Test
    void memoryFailingCostsTheCitationsNotTheAnswer() {
        remember("console/inc-checkout", "checkout", "checkout restarting: OOMKilled below 512Mi");
        memory.failWith(new IllegalStateException("the embedding model did not load"));
        TriageResult triaged = Fixtures.deployThenOom("why is checkout restarting?");

        Recollection recalled = knowledge().recall(THREAD, "why is checkout restarting?", triaged);

        assertThat(recalled.isEmpty()).isTrue();
    }

    @Test
    void theVerdictIsKeptRedactedWithCulpritAndFix() {
        TriageResult triaged = Fixtures.result(
                "why is checkout 5xx? token=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                Fixtures.deployThenOom("q").hypotheses().reversed());

        knowledge().recordVerdict(THREAD, "alice@example.com", triaged);

        Verdict kept = verdicts.latest(THREAD).orElseThrow();
        assertThat(kept.question()).startsWith("why is checkout 5xx?").doesNotContain("ghp_abcdefghij");
        assertThat(kept.cause()).isEqualTo(Cause.OOM);
        assertThat(kept.culprit()).isEqualTo("Deployment shop/checkout revision 42");
        assertThat(kept.fix()).isEqualTo("rollback Deployment shop/checkout to revision 41");
        assertThat(kept.asker()).isEqualTo("alice@example.com");
        assertThat(kept.resolved()).isFalse();
    }

    @Test
    void aQuestionWithoutAServiceRecallsTheTeamsMemories() {
        MemoryItem pool = remember("console/inc-checkout", "orders", "orders connection pool exhausted after scale up");

        Recollection recalled = knowledge()
                .recall(new ThreadRef("console", "inc-checkout", "t9"), "connection pool exhausted after scale up?");

        assertThat(recalled.memoryIds()).containsExactly(pool.id());
        assertThat(recalled.citations().getFirst()).startsWith("From team memory (learned in #inc-checkout");
    }

    private Responder responder() {
        return new Responder(chat, THREAD, botMessages, new InMemoryThreadStore(), "alice", clock);
    }
}
