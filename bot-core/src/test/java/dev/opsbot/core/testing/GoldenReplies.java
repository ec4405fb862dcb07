package dev.opsbot.core.testing;

import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static dev.opsbot.core.testing.triage.Evidence.series;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.BotStatus;
import dev.opsbot.core.conversation.Intent;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.conversation.StatusHandler;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.triage.Evidence;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.Progress;
import dev.opsbot.core.triage.result.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The replies opsbot really sends, built the way bot-core builds them, for the chat adapters' golden-file tests.
 * Slack's Block Kit and Teams' Adaptive Card golden tests render these same replies, so a change to what opsbot says
 * shows up in both platforms' golden files at once and the two cannot drift apart.
 */
public final class GoldenReplies {
    private GoldenReplies() {}

    /**
     * The answer to "why is checkout 5xx?": an OOM kill after a rollout lowered the memory limit, the error ratio's
     * step, argocd timing out, and a chart (which each platform shows or leaves out).
     */
    public static Reply answer() {
        return new AnswerRenderer(report -> Optional.of(chart())).render(oom(), "Alice Chen");
    }

    /** Progress while sources run: kubernetes answered, prometheus failed, argocd still running. */
    public static Reply progress() {
        Progress progress = new Progress(
                Evidence.investigation("checkout", SymptomKind.HTTP_5XX),
                List.of("kubernetes", "prometheus", "argocd"));
        progress.finished(new SourceStatus("kubernetes", SourceStatus.OK, "", 420));
        progress.finished(new SourceStatus("prometheus", SourceStatus.FAILED, "did not answer in 2 s", 2000));
        return progress.render();
    }

    /** Progress when done: how long it took and that one source failed. */
    public static Reply progressDone() {
        Progress progress = new Progress(
                Evidence.investigation("checkout", SymptomKind.HTTP_5XX), List.of("kubernetes", "prometheus"));
        return progress.done(Duration.ofMillis(2_400), 1);
    }

    /** A rollback proposal, built as bot-core's (package-private) ProposalReplies builds it, with the same words. */
    public static Reply proposal() {
        Instant expires = Instant.parse("2026-03-10T03:30:00Z");
        String text = ":raising_hand: Proposal: *rollback Deployment shop/checkout to revision 41* in production"
                + " (risk: write), requested by Alice Chen. React :white_check_mark: to approve or :x: to reject;"
                + " needs 1 approval from an approver for production; the requester can't approve their own"
                + " production change. Expires at 03:30 UTC. Waiting for approval.";
        return new Reply(
                text,
                List.of(
                        new Block.Proposal(
                                "p-7f3a",
                                "rollback Deployment shop/checkout to revision 41",
                                "production",
                                "write",
                                "Alice Chen",
                                expires,
                                AnswerRenderer.APPROVE,
                                AnswerRenderer.REJECT),
                        new Block.Context("Needs 1 approval from an approver for production; the requester can't"
                                + " approve their own production change. Runs as alice@example.com with a session"
                                + " allowed only this action. Waiting for approval.")));
    }

    /**
     * What {@code status} answers in {@code thread}, asked by {@code requesterId} in the event {@code eventId}; the
     * chats it lists are the thread's platform and the console.
     */
    public static Reply status(ThreadRef thread, String requesterId, String eventId) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
        RecordingChatPort chat = new RecordingChatPort(thread.platform());
        Responder responder = new Responder(
                chat, thread, new InMemoryBotMessageStore(), new InMemoryThreadStore(), requesterId, clock);
        BotStatus status = new BotStatus(
                "0.1.0",
                "opsbot-7d9f-abc12",
                Instant.parse("2026-03-09T23:47:00Z"),
                List.of(thread.platform(), "console"),
                List.of("kubernetes", "prometheus", "argocd"),
                "none");
        ChatEvent event =
                new ChatEvent.Command(eventId, thread, ChatUser.of(requesterId), "/opsbot", "status", clock.instant());

        new StatusHandler(() -> status, clock).handle(event, new Intent.Status(), responder);

        return chat.posted().getFirst().reply();
    }

    /** A plain text reply: an apology that the cluster did not answer. */
    public static Reply text() {
        return Reply.text(":warning: I cannot investigate right now: the cluster did not answer");
    }

    private static TriageReport oom() {
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
                .answering(e -> e.signal(series(SignalName.ERROR_RATIO)
                        .step(0.001, "02:33", 0.23)
                        .build()));
        FakeEvidenceSource argocd =
                FakeEvidenceSource.named("argocd").failingWith(SourceFailure.timeout("argocd", Duration.ofSeconds(2)));
        TriageService triage = new TriageService(
                List.of(kubernetes, prometheus, argocd),
                Duration.ofSeconds(2),
                "shop",
                () -> Evidence.NOW,
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Clock.systemUTC());
        return triage.run(
                triage.investigation("why is checkout 5xx?", "checkout", "shop", SymptomKind.HTTP_5XX),
                Principal.of("alice@example.com"),
                TriageListener.NONE);
    }

    private static Block.Image chart() {
        return new Block.Image("checkout 5xx", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null);
    }
}
