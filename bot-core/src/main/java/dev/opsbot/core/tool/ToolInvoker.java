package dev.opsbot.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a tool so that the caller always gets an answer by the deadline: a tool that hangs becomes a
 * {@link ToolResult.Error} of kind TIMEOUT, one that throws becomes an error naming its source. Each call runs on
 * its own virtual thread, interrupted when the deadline passes; the caller never waits for a tool that ignores the
 * interrupt.
 */
public final class ToolInvoker {

    public ToolResult invoke(Tool tool, ToolContext context, JsonNode arguments) {
        String source = tool.spec().domain();
        Duration budget = context.remaining();
        if (budget.isZero()) {
            return ToolResult.Error.of(SourceFailure.timeout(source, Duration.ZERO));
        }
        FutureTask<ToolResult> call = new FutureTask<>(() -> tool.call(context, arguments));
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

    private static ToolResult failed(String source, Throwable cause) {
        if (cause instanceof SourceFailure failure) {
            return ToolResult.Error.of(failure);
        }
        return ToolResult.Error.of(SourceFailure.unavailable(source, SourceFailure.describe(cause), cause));
    }
}
