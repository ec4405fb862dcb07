package dev.opsbot.core.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import java.util.Objects;

/**
 * Redaction at the tool boundary, for the layers that call tools (the agent, the console, the audit). A tool's result
 * is redacted before anyone sees it; a placeholder in a tool's arguments is restored only inside that tool's own
 * call. {@link #around} does both:
 *
 * <pre>{@code
 * Vault vault = vaults.forThread(thread);
 * ToolResult result = invoker.invoke(RedactingResults.around(tool, vault), context, arguments);
 * }</pre>
 */
public final class RedactingResults {
    private RedactingResults() {}

    /** {@code result} with every text in it redacted through {@code vault}. */
    public static ToolResult redact(ToolResult result, Vault vault) {
        return redact(result, Redactor.standard(), vault);
    }

    public static ToolResult redact(ToolResult result, Redactor redactor, Vault vault) {
        Objects.requireNonNull(result, "result");
        return switch (result) {
            case ToolResult.Success success ->
                new ToolResult.Success(
                        redactor.redact(success.summary(), vault), redactor.redact(success.data(), vault));
            case ToolResult.Error error -> new ToolResult.Error(error.kind(), redactor.redact(error.reason(), vault));
            case ToolResult.NoData none -> new ToolResult.NoData(redactor.redact(none.reason(), vault));
            case ToolResult.ApprovalRequired approval ->
                new ToolResult.ApprovalRequired(
                        redactor.redact(approval.operation(), vault),
                        redactor.redact(approval.arguments(), vault),
                        redactor.redact(approval.reason(), vault));
        };
    }

    /** Arguments as the tool itself must see them: placeholders of {@code vault} back to their secrets. */
    public static JsonNode restoreArguments(JsonNode arguments, Vault vault) {
        return vault.restore(arguments);
    }

    /** Arguments as the audit log records them: redacted (they may hold secrets a person typed). */
    public static JsonNode auditArguments(JsonNode arguments, Vault vault) {
        return Redactor.standard().redact(arguments, vault);
    }

    /** {@code tool}, restoring its arguments inside its call and redacting what it returns. */
    public static Tool around(Tool tool, Vault vault) {
        return new RedactingTool(Objects.requireNonNull(tool, "tool"), Objects.requireNonNull(vault, "vault"));
    }

    private record RedactingTool(Tool tool, Vault vault) implements Tool {
        @Override
        public ToolSpec spec() {
            return tool.spec();
        }

        @Override
        public ToolResult call(ToolContext context, JsonNode arguments) {
            return redact(tool.call(context, restoreArguments(arguments, vault)), vault);
        }

        @Override
        public String toString() {
            return "RedactingTool[" + tool.spec().name() + "]";
        }
    }
}
