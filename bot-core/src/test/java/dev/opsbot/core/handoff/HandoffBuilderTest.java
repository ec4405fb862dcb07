package dev.opsbot.core.handoff;

import static dev.opsbot.core.handoff.HandoffFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deterministic handoff over in-memory stores filled as the conversation and the approval flow fill them. */
class HandoffBuilderTest {
    private final HandoffFixture shift = new HandoffFixture();

    @Test
    void aShiftMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new Shift("slack", "C0INC", HandoffFixture.END, HandoffFixture.END))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start before it ends");
    }

    @Test
    void eachThreadSaysWhereItStandsNewestFirst() {
        ThreadRef resolved = shift.ask("t-resolved", "alice@example.com", "why is checkout 5xx?", at(10));
        shift.verdict(resolved, "why is checkout 5xx?", Cause.OOM, 0.9, "memory limit lowered", at(12));
        shift.resolve(resolved, "bob@example.com", at(200));
        ThreadRef done = shift.ask("t-done", "alice@example.com", "checkout slow?", at(20));
        shift.verdict(done, "checkout slow?", Cause.BAD_DEPLOY, 0.8, "revision 42 is slow", at(21));
        shift.propose(done, "p-done", "rollback checkout to 41", at(22), Duration.ofMinutes(30));
        shift.run("p-done", ProposalState.DONE, "rolled back", at(25));
        ThreadRef failed = shift.ask("t-failed", "carol@example.com", "payments down?", at(30));
        shift.verdict(failed, "payments down?", Cause.CRASHLOOP, 0.7, "crash on start", at(31));
        shift.propose(failed, "p-failed", "restart payments", at(32), Duration.ofMinutes(30));
        shift.run("p-failed", ProposalState.FAILED, "forbidden", at(40));
        ThreadRef pending = shift.ask("t-pending", "alice@example.com", "cart errors?", at(50));
        shift.verdict(pending, "cart errors?", Cause.OOM, 0.9, "cart OOMKilled", at(51));
        shift.propose(pending, "p-pending", "raise cart memory", at(52), Duration.ofDays(1));
        ThreadRef open = shift.ask("t-open", "alice@example.com", "search latency?", at(60));
        shift.verdict(open, "search latency?", Cause.CAPACITY, 0.8, "search at max replicas", at(61));
        ThreadRef investigating = shift.ask("t-investigating", "bob@example.com", "is login ok?", at(70));

        Listing<ThreadLine> threads = shift.report().threads();

        assertThat(threads.items())
                .extracting(line -> line.thread().thread(), ThreadLine::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("t-resolved", ThreadLine.Status.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple("t-investigating", ThreadLine.Status.INVESTIGATING),
                        org.assertj.core.groups.Tuple.tuple("t-open", ThreadLine.Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple("t-pending", ThreadLine.Status.ACTION_PENDING),
                        org.assertj.core.groups.Tuple.tuple("t-failed", ThreadLine.Status.ACTION_FAILED),
                        org.assertj.core.groups.Tuple.tuple("t-done", ThreadLine.Status.ACTION_DONE));
        ThreadLine first = threads.items().getFirst();
        assertThat(first.verdict().resolvedBy()).isEqualTo("bob@example.com");
        assertThat(first.question()).isEqualTo("why is checkout 5xx?");
        assertThat(first.lastActivity()).isEqualTo(at(200));
        ThreadLine last = threads.items().getLast();
        assertThat(last.action().action().operation()).isEqualTo("rollback checkout to 41");
        assertThat(threads.items().get(1).question()).isEqualTo("is login ok?");
        assertThat(threads.items().get(1).asker()).isEqualTo("bob@example.com");
        assertThat(threads.items().get(1).verdict()).isNull();
        assertThat(threads.more()).isZero();
    }

    @Test
    void otherChannelsTalkOnlyThreadsAndThreadsStartedAfterTheShiftAreLeftOut() {
        shift.ask("t-ours", "alice@example.com", "why is checkout 5xx?", at(10));
        shift.ask(new ThreadRef("slack", "C0OTHER", "t-theirs"), "alice@example.com", "payments?", at(11));
        shift.threads.touch(HandoffFixture.thread("t-help"), "alice", at(12)); // "@opsbot help": no question
        shift.ask("t-later", "alice@example.com", "after the shift", HandoffFixture.END.plusSeconds(60));

        assertThat(shift.report().threads().items())
                .extracting(line -> line.thread().thread())
                .containsExactly("t-ours");
    }

    @Test
    void aThreadWithAnOpenVerdictFromBeforeTheShiftIsListedWhenActiveInIt() {
        ThreadRef carried = HandoffFixture.thread("t-carried");
        shift.verdict(carried, "checkout 5xx?", Cause.OOM, 0.9, "OOMKilled", HandoffFixture.START.minusSeconds(3_600));
        shift.threads.touch(carried, "bob", at(30)); // someone talked about it in the shift

        ThreadLine line = shift.report().threads().items().getFirst();

        assertThat(line.thread()).isEqualTo(carried);
        assertThat(line.status()).isEqualTo(ThreadLine.Status.OPEN);
        assertThat(line.verdict().summary()).isEqualTo("OOMKilled");
    }

    @Test
    void atMostFiftyThreadsAreListedAndTheRestCounted() {
        for (int i = 0; i < 57; i++) {
            shift.ask("t-%02d".formatted(i), "alice@example.com", "question " + i, at(i));
        }

        Listing<ThreadLine> threads = shift.report().threads();

        assertThat(threads.items()).hasSize(HandoffBuilder.THREADS_SHOWN);
        assertThat(threads.more()).isEqualTo(7);
        assertThat(threads.items().getFirst().thread().thread()).isEqualTo("t-56");
        assertThat(threads.items().getLast().thread().thread()).isEqualTo("t-07");
    }

    @Test
    void executedActionsNameTheRequesterAndTheApprovers() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));
        shift.propose(thread, "p1", "rollback checkout to 41", at(11), Duration.ofMinutes(30), 2);
        shift.vote("p1", "bob@example.com", Vote.Kind.APPROVE, at(12));
        shift.vote("p1", "carol@example.com", Vote.Kind.APPROVE, at(13));
        shift.run("p1", ProposalState.DONE, "rolled back to 41", at(14));

        ActionLine executed = shift.report().executed().items().getFirst();

        assertThat(executed.proposal().requesterEmail()).isEqualTo("alice@example.com");
        assertThat(executed.approvers()).containsExactly("bob@example.com", "carol@example.com");
        assertThat(executed.proposal().state()).isEqualTo(ProposalState.DONE);
        assertThat(executed.at()).isEqualTo(at(14));
    }

    @Test
    void pendingActionsIncludeOnesProposedBeforeTheShiftSoonestToExpireFirst() {
        ThreadRef thread = HandoffFixture.thread("t1");
        shift.propose(thread, "p-old", "scale checkout", HandoffFixture.START.minusSeconds(600), Duration.ofDays(2));
        shift.propose(
                thread, "p-soon", "rollback checkout", HandoffFixture.END.minusSeconds(600), Duration.ofMinutes(30));
        shift.vote("p-soon", "bob@example.com", Vote.Kind.APPROVE, at(700));
        shift.propose(new ThreadRef("slack", "C0OTHER", "t9"), "p-theirs", "other", at(5), Duration.ofDays(1));

        HandoffReport report = shift.report();

        assertThat(report.pending().items())
                .extracting(line -> line.proposal().id())
                .containsExactly("p-soon", "p-old");
        assertThat(report.pending().items().getFirst().approvers()).containsExactly("bob@example.com");
        assertThat(report.expiring()).extracting(line -> line.proposal().id()).containsExactly("p-soon");
    }

    @Test
    void rejectedAndExpiredActionsSayWhoRejected() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));
        shift.propose(thread, "p-rejected", "delete pod checkout-1", at(11), Duration.ofMinutes(30));
        shift.vote("p-rejected", "carol@example.com", Vote.Kind.REJECT, at(12));
        shift.decide("p-rejected", ProposalState.REJECTED, at(12));
        shift.propose(thread, "p-expired", "scale checkout", at(20), Duration.ofMinutes(30));
        shift.decide("p-expired", ProposalState.EXPIRED, at(50));

        Listing<ActionLine> rejected = shift.report().rejected();

        assertThat(rejected.items())
                .extracting(line -> line.proposal().id())
                .containsExactly("p-expired", "p-rejected");
        assertThat(rejected.items().getLast().rejecters()).containsExactly("carol@example.com");
    }

    @Test
    void newMemoriesAreTheChannelsLearnedInTheShift() {
        shift.learn("before the shift", HandoffFixture.START.minusSeconds(1));
        MemoryItem first = shift.learn("rollback stops the OOM kills", at(30));
        MemoryItem second = shift.learn("page #payments first", at(90));
        shift.learn("slack/C0OTHER", "another team's", at(40));

        assertThat(shift.report().memories().items()).containsExactly(second, first);
    }

    @Test
    void withoutTeamMemoryThereAreNoNewMemories() {
        shift.learn("rollback stops the OOM kills", at(30));
        HandoffBuilder builder = new HandoffBuilder(
                shift.threads, shift.verdicts, shift.proposals, Optional.empty(), shift.audit, shift.clock);

        assertThat(builder.build(shift.shift()).memories().isEmpty()).isTrue();
    }

    @Test
    void openQuestionsAreUnansweredUnknownOrLowConfidenceInThreadsNotResolved() {
        shift.ask("t-none", "alice@example.com", "is login ok?", at(10));
        ThreadRef unknown = shift.ask("t-unknown", "bob@example.com", "why is cart slow?", at(20));
        shift.verdict(unknown, "why is cart slow?", Cause.UNKNOWN, 0.2, "cause not found", at(21));
        ThreadRef weak = shift.ask("t-weak", "carol@example.com", "payments 5xx?", at(30));
        shift.verdict(weak, "payments 5xx?", Cause.DEPENDENCY_FAILURE, 0.3, "db slow?", at(31));
        ThreadRef answered = shift.ask("t-answered", "alice@example.com", "checkout 5xx?", at(40));
        shift.verdict(answered, "checkout 5xx?", Cause.OOM, 0.9, "OOMKilled", at(41));
        ThreadRef resolvedUnknown = shift.ask("t-resolved", "alice@example.com", "search?", at(50));
        shift.verdict(resolvedUnknown, "search?", Cause.UNKNOWN, 0.1, "cause not found", at(51));
        shift.resolve(resolvedUnknown, "bob@example.com", at(60));

        Listing<OpenQuestion> open = shift.report().openQuestions();

        assertThat(open.items())
                .extracting(q -> q.thread().thread(), OpenQuestion::why)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("t-weak", "only 30 % confident"),
                        org.assertj.core.groups.Tuple.tuple("t-unknown", "cause not found"),
                        org.assertj.core.groups.Tuple.tuple("t-none", "no verdict yet"));
        assertThat(open.items().getLast().asker()).isEqualTo("alice@example.com");
        assertThat(open.items().getLast().question()).isEqualTo("is login ok?");
    }

    @Test
    void failedAndInterruptedActionsUnrecoveredServicesAndRollbacksAreToWatch() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));
        shift.propose(thread, "p-failed", "restart payments", at(11), Duration.ofMinutes(30));
        shift.run("p-failed", ProposalState.FAILED, "forbidden", at(20));
        shift.propose(thread, "p-unknown", "scale cart", at(21), Duration.ofMinutes(30));
        shift.run("p-unknown", ProposalState.UNKNOWN, "restarted", at(30));
        ThreadRef rolled = shift.ask("t2", "alice@example.com", "checkout OOM?", at(40));
        shift.verdict(rolled, "checkout OOM?", Cause.OOM, 0.9, "limit lowered", at(41));
        shift.propose(
                rolled,
                "p-rollback",
                "rollback Deployment shop/checkout to revision 41",
                at(42),
                Duration.ofMinutes(30));
        shift.run("p-rollback", ProposalState.DONE, "rolled back", at(45));
        shift.verified("p-rollback", false, "5xx still at 12 %", at(50));
        shift.resolve(rolled, "bob@example.com", at(90));

        Listing<Watch> watch = shift.report().watch();

        assertThat(watch.items())
                .extracting(Watch::kind)
                .containsExactly(
                        Watch.Kind.ROLLED_BACK,
                        Watch.Kind.NOT_RECOVERED,
                        Watch.Kind.ACTION_UNKNOWN,
                        Watch.Kind.ACTION_FAILED);
        assertThat(watch.items().getFirst().text())
                .contains("rollback Deployment shop/checkout to revision 41")
                .contains("Deployment shop/checkout revision 42 may come back");
        assertThat(watch.items().get(1).text()).contains("5xx still at 12 %");
        assertThat(watch.items().getLast().text()).contains("restart payments").contains("forbidden");
    }

    @Test
    void aRollbackTriageProposedCountsWhenNoActionRan() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout OOM?", at(10));
        shift.verdict(thread, "checkout OOM?", Cause.BAD_DEPLOY, 0.9, "revision 42 broke it", "rollback to 41", at(11));
        shift.resolve(thread, "bob@example.com", at(30));
        ThreadRef scaled = shift.ask("t2", "alice@example.com", "cart slow?", at(40));
        shift.verdict(scaled, "cart slow?", Cause.CAPACITY, 0.9, "too few replicas", "scale cart to 6", at(41));
        shift.resolve(scaled, "bob@example.com", at(50));

        assertThat(shift.report().watch().items())
                .extracting(w -> w.thread().thread(), Watch::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", Watch.Kind.ROLLED_BACK));
    }

    @Test
    void anEmptyChannelIsAQuietShift() {
        shift.ask(new ThreadRef("slack", "C0OTHER", "t1"), "alice@example.com", "elsewhere", at(10));

        HandoffReport report = shift.report();

        assertThat(report.quiet()).isTrue();
        assertThat(report.at()).isEqualTo(HandoffFixture.END);
    }

    @Test
    void theSameStoresGiveTheSameReport() {
        for (int i = 0; i < 10; i++) {
            ThreadRef thread = shift.ask("t" + i, "alice@example.com", "question " + i, at(5)); // same instant
            shift.verdict(thread, "question " + i, Cause.OOM, 0.9, "OOMKilled", at(6));
        }

        assertThat(shift.report()).isEqualTo(shift.report());
        assertThat(shift.report().threads().items())
                .extracting(line -> line.thread().thread())
                .startsWith("t0", "t1", "t2");
    }

    @Test
    void questionsAreFoundPastTheFirstPageOfTheAuditLog() {
        for (int i = 0; i < ShiftAudit.PAGE * 2 + 10; i++) {
            shift.audit.record(new AuditEvent.QuestionAsked(at(1), "bob@example.com", "slack/C0OTHER/t" + i, "q"));
        }
        shift.ask("t-late", "alice@example.com", "checkout 5xx?", at(300));

        assertThat(shift.report().openQuestions().items())
                .extracting(OpenQuestion::question)
                .containsExactly("checkout 5xx?");
    }

    @Test
    void eventsAfterTheShiftAreNotPartOfIt() {
        shift.ask("t1", "alice@example.com", "during", at(10));
        shift.ask("t1", "alice@example.com", "after", Instant.parse("2026-03-10T07:00:00Z"));

        assertThat(shift.report().openQuestions().items())
                .extracting(OpenQuestion::question)
                .containsExactly("during");
    }
}
