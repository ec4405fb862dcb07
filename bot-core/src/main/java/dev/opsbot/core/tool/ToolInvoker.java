package dev.opsbot.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.redaction.RedactingResults;
import dev.opsbot.core.redaction.Vault;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a tool so that the caller always gets an answer by the deadline: a tool that hangs becomes a
 * {@link ToolResult.Error} of kind TIMEOUT, one that throws becomes an error naming its source. Each call runs on
 * its own virtual thread, interrupted when the deadline passes; the caller never waits for a tool that ignores the
 * interrupt.
 *
 * <p>Before calling, the guardrails are asked about the tool itself (system {@code tool}, action its name, its
 * declared risk): a WRITE or DESTRUCTIVE tool called outside an {@link ApprovedAction} becomes
 * {@link ToolResult.ApprovalRequired} without running, and one a rule denies (a destructive tool in production)
 * becomes an error naming the rule. This is the first of three layers: a tool that lies about its risk is still
 * stopped by the guard on its Kubernetes and AWS clients, which also checks each request against the exact objects
 * the approved proposal covers.
 */
public final class ToolInvoker {
    /** The environment assumed when none is given: the strictest one. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    private final TransportGuard guard;
    private final String environment;

    /** The default rules, in {@value #DEFAULT_ENVIRONMENT}. */
    public ToolInvoker() {
        this(TransportGuard.defaults(), DEFAULT_ENVIRONMENT);
    }

    /**
     * @param guard the guardrails, recording refusals where it is configured to
     * @param environment the environment the tools of this invoker act in
     */
    public ToolInvoker(TransportGuard guard, String environment) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Runs {@code tool} for a conversation whose secrets are in {@code vault}: placeholders in the arguments are
     * restored only inside the tool's own call, and everything it returns, errors included, is redacted before it
     * goes back to a model, a chat or the audit log.
     */
    public ToolResult invoke(Tool tool, ToolContext context, JsonNode arguments, Vault vault) {
        ToolResult result = invoke(RedactingResults.around(tool, vault), context, arguments);
        return RedactingResults.redact(result, vault);
    }

    public ToolResult invoke(Tool tool, ToolContext context, JsonNode arguments) {
        ToolResult refused = refusal(tool, context, arguments);
        if (refused != null) {
            return refused;
        }
        String source = tool.spec().domain();
        Duration budget = context.remaining();
        if (budget.isZero()) {
            return ToolResult.Error.of(SourceFailure.timeout(source, Duration.ZERO));
        }
        FutureTask<ToolResult> call = new FutureTask<>(() -> tool.call(context, arguments));
        // a virtual thread inherits the caller's ApprovedAction, so the transport under the tool sees it too
        Thread.ofVirtual().name("tool-" + tool.spec().name()).start(call);
        try {
            return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return ToolResult.Error.of(SourceFailure.timeout(source, budget));
        } catch (ExecutionException e) {
            return failed(source, e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new ToolResult.Error(SourceFailure.Kind.TIMEOUT, "the call to " + source + " was cancelled");
        }
    }

    /** The answer instead of a call, or null when the tool may run. */
    private ToolResult refusal(Tool tool, ToolContext context, JsonNode arguments) {
        ToolSpec spec = tool.spec();
        PolicyRequest request = new PolicyRequest(
                "tool",
                spec.name(),
                spec.risk(),
                null,
                namespaceOf(arguments),
                null,
                environment,
                context.actor().subject());
        PolicyDecision decision = guard.engine().decide(request);
        return switch (decision) {
            case PolicyDecision.Allow allowed -> null;
            case PolicyDecision.Deny denied -> refused(guard.refuse(request, denied));
            // the transport checks each request against the objects the approval covers; here, that one is running
            case PolicyDecision.RequireApproval approval ->
                ApprovedAction.current().isPresent()
                        ? null
                        : new ToolResult.ApprovalRequired(
                                spec.name(),
                                arguments == null ? JsonNodeFactory.instance.objectNode() : arguments,
                                spec.name() + " would change something, so it runs only as part of a proposal a"
                                        + " person approved (rule " + approval.rule() + ")");
        };
    }

    private static String namespaceOf(JsonNode arguments) {
        JsonNode namespace = arguments == null ? null : arguments.get("namespace");
        return namespace != null && namespace.isTextual() ? namespace.asText() : null;
    }

    private static ToolResult refused(PolicyViolation violation) {
        return new ToolResult.Error(SourceFailure.Kind.FORBIDDEN, violation.getMessage());
    }

    private static ToolResult failed(String source, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PolicyViolation violation) {
                // the transport stopped a request the tool made: say which rule, not "unavailable"
                return refused(violation);
            }
        }
        if (cause instanceof SourceFailure failure) {
            return ToolResult.Error.of(failure);
        }
        return ToolResult.Error.of(SourceFailure.unavailable(source, SourceFailure.describe(cause), cause));
    }
}
