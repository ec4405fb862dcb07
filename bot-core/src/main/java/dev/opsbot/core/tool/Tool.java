package dev.opsbot.core.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One capability the agent (and people, through the console) can call. A tool validates its own arguments, honours
 * {@link ToolContext#deadline()}, caps what it returns to what matters, and reports failures as
 * {@link ToolResult.Error} rather than throwing.
 */
public interface Tool {

    ToolSpec spec();

    ToolResult call(ToolContext context, JsonNode arguments);
}
