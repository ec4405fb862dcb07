package dev.opsbot.core.agent;

import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one agent run gets.
 *
 * @param question what the person asked, as asked (redacted before it is sent)
 * @param asker who asked, as the thread names them
 * @param tools the tools that exist; only READ tools of the chosen specialists are offered to the model
 * @param context who the tools act as (the asking person) and until when
 * @param vault the conversation's secrets: placeholders the model sees are restored only inside a tool's call
 * @param thread earlier turns of this thread's conversation, oldest first
 * @param recalled what team memory recalls for this question
 * @param evidence triage's findings in compact, redacted form, or null when there was no investigation
 * @param actions the fixes that can be proposed: action tool name -> how to target it and its parameters
 * @param agents the specialists to use; empty lets the router choose
 */
public record AgentRequest(
        String question,
        String asker,
        List<Tool> tools,
        ToolContext context,
        Vault vault,
        List<Turn> thread,
        List<String> recalled,
        String evidence,
        Map<String, String> actions,
        List<DomainAgent> agents) {
    public AgentRequest {
        Objects.requireNonNull(question, "question");
        asker = asker == null ? "someone" : asker;
        tools = List.copyOf(tools);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(vault, "vault");
        thread = List.copyOf(thread);
        recalled = List.copyOf(recalled);
        actions = Map.copyOf(actions);
        agents = List.copyOf(agents);
    }
}
