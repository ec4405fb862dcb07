package dev.opsbot.core.agent;

import dev.opsbot.core.tool.Tool;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A specialist: a focused prompt, the tools it may read with (by name prefix, such as {@code kubernetes.}), and the
 * words that send a question its way.
 *
 * @param name what the router and the thread call it ({@code kubernetes})
 * @param focus the specialist's part of the system prompt
 * @param toolPrefixes the tool names it may call start with one of these
 * @param triggers a question matching this goes to it without asking the model
 */
public record DomainAgent(String name, String focus, List<String> toolPrefixes, Pattern triggers) {
    public DomainAgent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(focus, "focus");
        toolPrefixes = List.copyOf(toolPrefixes);
        Objects.requireNonNull(triggers, "triggers");
    }

    public boolean mayUse(Tool tool) {
        String toolName = tool.spec().name();
        return toolPrefixes.stream().anyMatch(toolName::startsWith);
    }

    public boolean matches(String question) {
        return triggers.matcher(question).find();
    }
}
