package dev.opsbot.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.approval.ActionOutcome;
import dev.opsbot.core.approval.ActionRunner;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.WriteSession;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.tool.Durations;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.actions.ActionTool;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an approved proposal's action: the only caller of the action tools. The tool is found by the proposal's action
 * name; its arguments come from the proposal's target and parameters and are checked before anything is sent; the
 * call runs as the write session's Kubernetes principal, within a deadline, inside an {@link ApprovedAction} that
 * covers exactly the requests the tool declares for those arguments — so the transport guard lets those through and
 * nothing else. Whatever happens comes back as an {@link ActionOutcome} with a sentence for the thread.
 */
public final class ToolActionRunner implements ActionRunner {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private final Map<String, ActionTool> tools = new LinkedHashMap<>();
    private final Duration budget;
    private final Clock clock;

    /**
     * @param tools the action tools this deployment offers (names must be unique)
     * @param budget how long one action may take, requests included
     * @param clock the wall clock the tools' deadlines run on
     */
    public ToolActionRunner(Collection<? extends ActionTool> tools, Duration budget, Clock clock) {
        for (ActionTool tool : tools) {
            if (this.tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalArgumentException(
                        "two action tools are named '" + tool.spec().name() + "'");
            }
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("an action needs a positive time budget, not " + budget);
        }
        this.budget = budget;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ActionOutcome run(Proposal proposal, WriteSession session) {
        ProposedAction action = proposal.action();
        ActionTool tool = tools.get(action.action());
        if (tool == null) {
            return ActionOutcome.failed("opsbot has no action " + action.action() + " (it has "
                    + String.join(", ", tools.keySet()) + "): nothing was run");
        }
        if (tool.spec().risk().compareTo(action.risk()) > 0) {
            return ActionOutcome.failed(action.action() + " is " + tool.spec().risk() + " but was approved as "
                    + action.risk() + ": nothing was run");
        }
        JsonNode arguments;
        List<PolicyRequest> requests;
        try {
            arguments = tool.arguments(action.target(), action.params());
            requests = tool.requests(
                    arguments, proposal.environment(), session.kubernetes().subject());
        } catch (SourceFailure invalid) {
            return ActionOutcome.failed("refused before acting: " + invalid.getMessage() + "; nothing was run");
        }
        ToolContext context = new ToolContext(
                session.kubernetes(), cloud(session), clock.instant().plus(budget), clock);
        ApprovedAction approval = new ApprovedAction(proposal.id(), requests);
        return approval.run(() -> call(tool, context, arguments));
    }

    /**
     * The call on its own virtual thread (started inside the approval, so it carries it), given up at the deadline.
     * A write given up on may still have happened, and the outcome says so.
     */
    private ActionOutcome call(ActionTool tool, ToolContext context, JsonNode arguments) {
        FutureTask<ToolResult> call = new FutureTask<>(() -> tool.call(context, arguments));
        Thread.ofVirtual().name("action-" + tool.spec().name()).start(call);
        try {
            return outcome(tool, call.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return ActionOutcome.failed(tool.spec().name() + " did not finish within " + Durations.human(budget)
                    + ": whether it took effect is unknown; check before trying again");
        } catch (ExecutionException e) {
            return failed(tool, e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return ActionOutcome.failed(
                    tool.spec().name() + " was interrupted (opsbot is stopping): whether it took effect is unknown");
        }
    }

    private static ActionOutcome outcome(ActionTool tool, ToolResult result) {
        return switch (result) {
            case ToolResult.Success success -> ActionOutcome.done(success.summary());
            case ToolResult.Error error -> ActionOutcome.failed(error.reason());
            case ToolResult.NoData none -> ActionOutcome.failed(none.reason());
            case ToolResult.ApprovalRequired again ->
                ActionOutcome.failed(tool.spec().name() + " asked for another approval (" + again.reason()
                        + "): nothing more was run");
        };
    }

    private static ActionOutcome failed(ActionTool tool, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PolicyViolation refused) {
                return ActionOutcome.failed("refused by the guardrails: " + refused.getMessage());
            }
        }
        return ActionOutcome.failed(tool.spec().name() + " failed: " + SourceFailure.describe(cause));
    }

    private static CloudCredentials cloud(WriteSession session) {
        return session.aws() == null
                ? CloudCredentials.none("this action was approved without AWS access")
                : session::aws;
    }
}
