package dev.opsbot.core.conversation;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.learning.Recollection;
import dev.opsbot.core.learning.TeamKnowledge;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
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
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    private final Acting acting;
    private final AnswerRenderer answers;
    private final InvestigationObserver observer;
    private final Proposer proposer;
    private final AuditLog audit;
    private final Optional<AgentAdvisor> advisor;
    private final Optional<TeamKnowledge> knowledge;
    private final Redactor redactor = Redactor.standard();

    /**
     * @param triage the triage service, asked for on each question (the application may still be starting it)
     * @param acting who the investigation runs as: the asking person, resolved through identity
     * @param proposer offers the answer's fix as a proposal of its own (the approval flow)
     * @param audit records the question and what each source was asked, as whom, and what it gave
     */
    public InvestigateHandler(
            Supplier<TriageService> triage,
            Acting acting,
            AnswerRenderer answers,
            InvestigationObserver observer,
            Proposer proposer,
            AuditLog audit) {
        this(triage, acting, answers, observer, proposer, audit, Optional.empty());
    }

    /** @param advisor the model, when one is configured: it reasons over the evidence after triage has answered */
    public InvestigateHandler(
            Supplier<TriageService> triage,
            Acting acting,
            AnswerRenderer answers,
            InvestigationObserver observer,
            Proposer proposer,
            AuditLog audit,
            Optional<AgentAdvisor> advisor) {
        this(triage, acting, answers, observer, proposer, audit, advisor, Optional.empty());
    }

    /**
     * @param knowledge team memory and runbooks: recalled and cited in answers, a remembered cause raising its
     *     hypothesis; the answer's verdict kept for the thread to resolve into a memory
     */
    public InvestigateHandler(
            Supplier<TriageService> triage,
            Acting acting,
            AnswerRenderer answers,
            InvestigationObserver observer,
            Proposer proposer,
            AuditLog audit,
            Optional<AgentAdvisor> advisor,
            Optional<TeamKnowledge> knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.advisor = advisor;
        this.triageService = triage;
        this.acting = acting;
        this.answers = answers;
        this.observer = observer;
        this.proposer = proposer;
        this.audit = audit;
    }

    @Override
    public void handle(ChatEvent event, Intent.Investigate intent, Responder responder) {
        Acting.Outcome.As actor;
        switch (acting.forRead(event)) {
            case Acting.Outcome.Refused refused -> {
                observer.refused(refused.kind().name().toLowerCase(Locale.ROOT));
                responder.reply(
                        Reply.text(":no_entry: I can't investigate as you: " + refused.message()),
                        Responder.ANSWER,
                        "identity");
                return;
            }
            case Acting.Outcome.As as -> actor = as;
        }
        recordQuestion(event, actor, intent);
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
        TriageReport triaged;
        try {
            triaged =
                    triage.run(investigation, actor.principal(), actor.cloud(), listener(progress, status, responder));
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
        Recollection recollection = knowledge
                .map(k -> k.recall(event.thread(), intent.question(), triaged.result()))
                .orElse(Recollection.NOTHING);
        TriageReport report =
                knowledge.map(k -> k.strengthen(triaged, recollection)).orElse(triaged);
        recordSources(event, actor, investigation, report);
        responder.reply(answers.render(report, actor.identity().displayName()), Responder.ANSWER, subject);
        knowledge.ifPresent(k -> {
            k.cite(recollection, responder);
            k.recordVerdict(event.thread(), actor.identity().email(), report.result());
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        observer.answered(report, took);
        responder.update(
                status, progress.done(took, report.result().failedSources().size()));
        try {
            proposer.propose(event, actor, report, responder);
        } catch (RuntimeException e) {
            LOG.warn("proposing the fix for {} failed", subject, e);
            responder.reply(Reply.text(":warning: I could not put the fix up for approval: " + e.getMessage()));
        }
        advisor.ifPresent(model -> {
            try {
                model.advise(
                        event,
                        actor,
                        intent.question(),
                        report,
                        report.result().top().remediation(),
                        responder,
                        recollection.citations());
            } catch (RuntimeException e) {
                // the deterministic answer is out already; the model is extra and must not cost it
                LOG.warn("the model's analysis of {} failed", subject, e);
                responder.reply(Reply.text(":warning: The model's analysis failed: " + e.getMessage()
                        + ". The answer above is opsbot's deterministic triage alone."));
            }
        });
    }

    private void recordQuestion(ChatEvent event, Acting.Outcome.As actor, Intent.Investigate intent) {
        audit.record(new AuditEvent.QuestionAsked(
                Instant.now(),
                actor.identity().email(),
                thread(event),
                redactor.redact(intent.question(), Vault.create())));
    }

    /** One tool run per source: what it was asked, as whom, how long it took and how much it gave. */
    private void recordSources(
            ChatEvent event, Acting.Outcome.As actor, Investigation investigation, TriageReport report) {
        String identity = "kubernetes user " + actor.principal().subject()
                + (actor.principal().groups().isEmpty()
                        ? ""
                        : " groups " + String.join(",", actor.principal().groups()))
                + "; AWS read role of " + actor.environment();
        String arguments =
                "{\"service\":\"" + investigation.service() + "\",\"namespace\":\"" + investigation.namespace()
                        + "\",\"symptom\":\"" + investigation.symptom().jsonName() + "\"}";
        for (SourceStatus source : report.result().sources()) {
            audit.record(new AuditEvent.ToolRun(
                    Instant.now(),
                    actor.identity().email(),
                    "triage." + source.name(),
                    identity,
                    arguments,
                    source.items(),
                    source.millis(),
                    source.failed() ? "error: " + redactor.redact(source.detail(), Vault.create()) : source.status(),
                    thread(event)));
        }
    }

    private static String thread(ChatEvent event) {
        return event.thread().platform() + "/" + event.thread().channel() + "/"
                + event.thread().thread();
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

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
