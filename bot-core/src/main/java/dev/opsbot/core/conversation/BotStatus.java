package dev.opsbot.core.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What {@code status} reports: the build, how long this replica has run, and what is configured. {@code llm} is a
 * description such as {@code none} or {@code bedrock (anthropic.claude-...)}; never a key.
 */
public record BotStatus(
        String version, String replica, Instant startedAt, List<String> adapters, List<String> tools, String llm) {
    public BotStatus {
        adapters = List.copyOf(adapters);
        tools = List.copyOf(tools);
    }
}
