package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.InvestigationObserver;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.core.triage.UnknownServiceException;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.Progress;
import dev.opsbot.core.triage.result.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "why is checkout 5xx?": posts a progress line at once, updates it as each source answers, then posts the answer.
 * Whatever happens, the person gets a message saying what happened: an unknown service gets close names, a failure
 * gets the reason.
 */
public final class InvestigateHandler implements IntentHandler<Intent.Investigate> {
    private static final Logger LOG = LoggerFactory.getLogger(InvestigateHandler.class);

    private final Supplier<TriageService> triageService;
    private final AnswerRenderer answers;
    private final InvestigationObserver observer;

    /** @param triage the triage service, asked for on each question (the application may still be starting it) */
    public InvestigateHandler(Supplier<TriageService> triage, AnswerRenderer answers, InvestigationObserver observer) {
        this.triageService = triage;
        this.answers = answers;
        this.observer = observer;
    }

    @Override
    public void handle(ChatEvent event, Intent.Investigate intent, Responder responder) {
        TriageService triage;
        try {
            triage = triageService.get();
        } catch (RuntimeException unavailable) {
            observer.failed(unavailable);
            LOG.warn("triage is not available", unavailable);
            responder.reply(
                    Reply.text(":warning: I cannot investigate right now: " + unavailable.getMessage()),
                    Responder.ANSWER,
                    "triage:" + intent.service());
            return;
        }
        Investigation investigation =
                triage.investigation(intent.question(), intent.service(), intent.namespace(), intent.symptom());
        String subject = "triage:" + investigation.namespace() + "/" + investigation.service();
        Progress progress = new Progress(investigation, triage.sourceNames());
        MessageRef status = responder.reply(progress.render(), Responder.PROGRESS, subject);
        long started = System.nanoTime();
        TriageReport report;
        try {
            report = triage.run(investigation, principal(event), listener(progress, status, responder));
        } catch (UnknownServiceException unknown) {
            observer.unknownService();
            responder.update(status, Reply.text(":grey_question: " + capitalise(unknown.getMessage())));
            return;
        } catch (RuntimeException failure) {
            observer.failed(failure);
            LOG.warn("investigation of {} failed", subject, failure);
            responder.update(
                    status,
                    Reply.text(":warning: The investigation of " + investigation.service() + " failed: "
                            + failure.getMessage()));
            return;
        }
        responder.reply(answers.render(report, requester(event)), Responder.ANSWER, subject);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        observer.answered(report, took);
        responder.update(
                status, progress.done(took, report.result().failedSources().size()));
    }

    private static TriageListener listener(Progress progress, MessageRef status, Responder responder) {
        return new TriageListener() {
            @Override
            public void sourceFinished(SourceStatus finished) {
                progress.finished(finished);
                update();
            }

            @Override
            public void followingDownstream(String service) {
                progress.following(service);
                update();
            }

            private void update() {
                try {
                    responder.update(status, progress.render());
                } catch (RuntimeException e) {
                    // progress is a courtesy: a platform refusing an update must not cost the answer
                    LOG.debug("progress update failed", e);
                }
            }
        };
    }

    /** Who the investigation acts as. The identity module maps chat users to directory identities. */
    static Principal principal(ChatEvent event) {
        ChatUser user = user(event);
        String subject = user.email() != null && !user.email().isBlank() ? user.email() : user.id();
        return new Principal(subject, user.name(), List.of());
    }

    private static String requester(ChatEvent event) {
        ChatUser user = user(event);
        return user.name() == null ? user.id() : user.name();
    }

    private static ChatUser user(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Mention m -> m.user();
            case ChatEvent.Message m -> m.user();
            case ChatEvent.Command c -> c.user();
            case ChatEvent.ReactionAdded r -> r.user();
            case ChatEvent.ReactionRemoved r -> r.user();
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
