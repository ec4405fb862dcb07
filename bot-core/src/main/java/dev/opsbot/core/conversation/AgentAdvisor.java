package dev.opsbot.core.conversation;

import dev.opsbot.core.agent.AgentListener;
import dev.opsbot.core.agent.AgentLoop;
import dev.opsbot.core.agent.AgentRequest;
import dev.opsbot.core.agent.AgentResult;
import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.agent.DomainAgent;
import dev.opsbot.core.agent.DomainAgents;
import dev.opsbot.core.agent.EvidenceBrief;
import dev.opsbot.core.agent.ModelProposal;
import dev.opsbot.core.agent.ToolCall;
import dev.opsbot.core.agent.Turn;
import dev.opsbot.core.approval.ActionCatalog;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Remediation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model's turn in a thread: shows its progress step by step, posts its analysis, passes what it suggests to the
 * approval flow (after the guardrails), and records every model call and tool call in the audit log. When the model
 * is unavailable or runs out of budget the thread is told so; the deterministic answer already posted stands.
 */
public final class AgentAdvisor {
    /** The fixes a model may suggest, with how to target them; only those the catalog can run are offered. */
    public static final Map<String, String> ACTION_HINTS = Map.of(
            "kubernetes.rollback",
            "target Deployment/<namespace>/<name>, params {\"toRevision\": <revision to return to>}",
            "kubernetes.restart",
            "target Deployment/<namespace>/<name>, no params (a rolling restart)",
            "kubernetes.scale",
            "target Deployment/<namespace>/<name>, params {\"replicas\": <count>}");

    static final int TRANSCRIPT_TURNS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(AgentAdvisor.class);

    private final AgentLoop loop;
    private final Supplier<List<Tool>> tools;
    private final Proposer proposer;
    private final ActionCatalog catalog;
    private final TransportGuard guard;
    private final AuditLog audit;
    private final AgentObserver observer;
    private final AgentTranscripts transcripts;
    private final Clock clock;
    private final Redactor redactor = Redactor.standard();

    public AgentAdvisor(
            AgentLoop loop,
            Supplier<List<Tool>> tools,
            Proposer proposer,
            ActionCatalog catalog,
            TransportGuard guard,
            AuditLog audit,
            AgentObserver observer,
            AgentTranscripts transcripts,
            Clock clock) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the model has talked in this thread (so a question there continues that conversation). */
    public boolean inConversation(dev.opsbot.core.chat.ThreadRef thread) {
        return !transcripts.recent(thread, 1).isEmpty();
    }

    public String modelName() {
        return loop.modelName();
    }

    /**
     * Lets the model answer {@code question} as {@code actor}.
     *
     * @param report what triage found, or null for a question triage has no rule for
     * @param alreadyProposed the fix triage proposed already, or null: the model suggesting it again adds nothing
     */
    public AgentResult advise(
            ChatEvent event,
            Acting.Outcome.As actor,
            String question,
            TriageReport report,
            Remediation alreadyProposed,
            Responder responder) {
        return advise(event, actor, question, report, alreadyProposed, responder, List.of());
    }

    /** @param recalled what team memory and the runbooks hold on the question, as the answer cited it */
    public AgentResult advise(
            ChatEvent event,
            Acting.Outcome.As actor,
            String question,
            TriageReport report,
            Remediation alreadyProposed,
            Responder responder,
            List<String> recalled) {
        Vault vault = Vault.create();
        String thread = thread(event);
        Progress progress = new Progress(responder, loop.modelName());
        AgentRequest request = new AgentRequest(
                question,
                actor.identity().displayName(),
                tools.get(),
                ToolContext.of(actor.principal(), actor.cloud(), loop.budget().timeout(), clock),
                vault,
                transcripts.recent(event.thread(), TRANSCRIPT_TURNS),
                recalled,
                report == null ? null : EvidenceBrief.of(report.result()),
                hints(),
                report == null ? List.of() : DomainAgents.forInvestigation(question));
        AgentResult result = loop.run(request, listener(actor, thread, progress));
        observer.finished(
                loop.modelName(),
                outcome(result),
                result.usage().inputTokens(),
                result.usage().outputTokens());
        switch (result) {
            case AgentResult.Answered answered -> {
                progress.done(answered);
                responder.reply(answerReply(answered), Responder.ANSWER, "model:" + loop.modelName());
                transcripts.append(
                        event.thread(),
                        new Turn(
                                Turn.PERSON, request.asker() + ": " + vault.conceal(redactor.redact(question, vault))));
                transcripts.append(event.thread(), new Turn(Turn.OPSBOT, answered.text()));
                suggest(event, actor, answered.proposals(), alreadyProposed, responder);
            }
            case AgentResult.Unavailable unavailable -> {
                progress.stopped();
                responder.reply(Reply.text(":information_source: The model (" + loop.modelName()
                        + ") was unavailable: " + unavailable.reason() + ". "
                        + (report == null
                                ? "I can only answer what my rules cover; try `help`."
                                : "The answer above is opsbot's deterministic triage alone.")));
            }
            case AgentResult.Incomplete incomplete -> {
                progress.stopped();
                responder.reply(Reply.text(":hourglass: The model stopped before concluding: " + incomplete.reason()
                        + ". " + (report == null ? "" : "The evidence above stands.")));
            }
        }
        return result;
    }

    private Map<String, String> hints() {
        Map<String, String> runnable = new LinkedHashMap<>();
        ACTION_HINTS.forEach((action, hint) -> {
            if (catalog.riskOf(action).filter(r -> r != Risk.READ).isPresent()) {
                runnable.put(action, hint);
            }
        });
        return runnable;
    }

    private AgentListener listener(Acting.Outcome.As actor, String thread, Progress progress) {
        String identity =
                "kubernetes user " + actor.principal().subject() + "; AWS read role of " + actor.environment();
        return new AgentListener() {
            @Override
            public void routed(List<DomainAgent> agents, boolean byModel) {
                progress.line("specialists: "
                        + agents.stream().map(DomainAgent::name).collect(Collectors.joining(", "))
                        + (byModel ? " (chosen by the model)" : ""));
            }

            @Override
            public void modelCalled(int step, long input, long output, String promptSha256, Duration took) {
                observer.modelCalled(loop.modelName(), input, output);
                audit.record(new AuditEvent.ModelCalled(
                        clock.instant(),
                        actor.identity().email(),
                        loop.modelName(),
                        input,
                        output,
                        promptSha256,
                        thread));
            }

            @Override
            public void retrying(int attempt, String reason, Duration wait) {
                progress.line("model call failed (" + reason + "); retrying in " + wait.toMillis() + " ms");
            }

            @Override
            public void toolStarted(int step, String tool, String arguments) {
                progress.line("step " + step + ": reading " + tool + " " + arguments);
            }

            @Override
            public void toolFinished(int step, ToolCall call) {
                audit.record(new AuditEvent.ToolRun(
                        clock.instant(),
                        actor.identity().email(),
                        call.tool(),
                        identity,
                        call.arguments(),
                        call.resultSize(),
                        call.millis(),
                        "model: " + call.outcome(),
                        thread));
            }
        };
    }

    /** Each suggestion passes the action catalog and the guardrails before it can become a proposal. */
    private void suggest(
            ChatEvent event,
            Acting.Outcome.As actor,
            List<ModelProposal> proposals,
            Remediation alreadyProposed,
            Responder responder) {
        for (ModelProposal suggestion : proposals) {
            Remediation fix = new Remediation(suggestion.action(), suggestion.target(), suggestion.params());
            if (fix.equals(alreadyProposed)) {
                continue;
            }
            String what = "`" + suggestion.action() + " " + suggestion.target() + "`";
            Optional<Risk> risk = catalog.riskOf(suggestion.action());
            if (risk.isEmpty() || risk.get() == Risk.READ) {
                responder.reply(Reply.text(":no_entry: The model suggested " + what
                        + ", which is not an action opsbot can run; nothing was proposed."));
                continue;
            }
            PolicyRequest request = new PolicyRequest(
                    "tool",
                    suggestion.action(),
                    risk.get(),
                    null,
                    namespaceOf(suggestion.target()),
                    null,
                    actor.environment(),
                    actor.principal().subject());
            PolicyDecision decision = guard.decide(request);
            if (decision instanceof PolicyDecision.Deny denied) {
                guard.refuse(request, denied);
                responder.reply(Reply.text(":no_entry: The model suggested " + what + ", which the guardrails refuse"
                        + " in " + actor.environment() + " (rule " + denied.rule() + "): nothing was proposed."));
                continue;
            }
            try {
                proposer.proposeSuggested(event, actor, fix, Proposer.MODEL_SOURCE + " " + loop.modelName(), responder)
                        .ifPresent(why -> responder.reply(
                                Reply.text(":no_entry: The model suggested " + what + ": not proposed, " + why + ".")));
            } catch (RuntimeException e) {
                LOG.warn("proposing the model's suggestion {} failed", what, e);
                responder.reply(Reply.text(":warning: I could not put the model's suggestion " + what
                        + " up for approval: " + e.getMessage()));
            }
        }
    }

    private static String namespaceOf(String target) {
        String[] parts = target.split("/");
        return parts.length == 3 ? parts[1] : null;
    }

    private Reply answerReply(AgentResult.Answered answered) {
        String confidence = Double.isNaN(answered.confidence())
                ? ""
                : String.format(Locale.ROOT, ", confidence %.0f%%", answered.confidence() * 100);
        String tools = answered.toolCalls().isEmpty()
                ? "no extra reads"
                : "read "
                        + answered.toolCalls().stream()
                                .map(ToolCall::tool)
                                .distinct()
                                .collect(Collectors.joining(", "));
        String footer = "Model " + loop.modelName() + confidence + "; " + tools + "; "
                + answered.usage().inputTokens() + " tokens in, "
                + answered.usage().outputTokens()
                + " out. The model can read, never act.";
        return Reply.builder(":brain: " + answered.text())
                .heading("Analysis")
                .paragraph(answered.text())
                .context(footer)
                .build();
    }

    private static String outcome(AgentResult result) {
        return switch (result) {
            case AgentResult.Answered a -> "answered";
            case AgentResult.Unavailable u -> "unavailable";
            case AgentResult.Incomplete i -> "incomplete";
        };
    }

    private static String thread(ChatEvent event) {
        return event.thread().platform() + "/" + event.thread().channel() + "/"
                + event.thread().thread();
    }

    /** The model's progress message: created on the first line, edited as steps go by. */
    private static final class Progress {
        private final Responder responder;
        private final String model;
        private final List<String> lines = new ArrayList<>();
        private MessageRef message;

        Progress(Responder responder, String model) {
            this.responder = responder;
            this.model = model;
        }

        synchronized void line(String line) {
            lines.add(line);
            show(":brain: Thinking it over with " + model + "…");
        }

        synchronized void done(AgentResult.Answered answered) {
            show(":brain: " + model + " answered after " + answered.usage().calls() + " model calls and "
                    + answered.toolCalls().size() + " reads.");
        }

        synchronized void stopped() {
            if (message != null) {
                show(":brain: " + model + " stopped.");
            }
        }

        private void show(String heading) {
            Reply reply = Reply.builder(heading)
                    .paragraph(heading)
                    .context(String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size())))
                    .build();
            try {
                if (message == null) {
                    message = responder.reply(reply, Responder.PROGRESS, "model:" + model);
                } else {
                    responder.update(message, reply);
                }
            } catch (RuntimeException e) {
                // progress is a courtesy: a platform refusing an edit must not cost the answer
                LOG.debug("model progress update failed", e);
            }
        }
    }
}
