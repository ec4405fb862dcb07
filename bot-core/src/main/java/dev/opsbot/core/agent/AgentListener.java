package dev.opsbot.core.agent;

import java.time.Duration;

/** What the agent reports while it works: progress for the thread, tokens for metrics and the audit log. */
public interface AgentListener {
    AgentListener NONE = new AgentListener() {};

    /** The specialists picked for the question, and whether the model had to pick them (no rule matched). */
    default void routed(java.util.List<DomainAgent> agents, boolean byModel) {}

    /** One model call answered; tokens as the provider counted them (estimated when it did not say). */
    default void modelCalled(int step, long inputTokens, long outputTokens, String promptSha256, Duration took) {}

    /** A model call failed and is tried again after {@code wait}. */
    default void retrying(int attempt, String reason, Duration wait) {}

    /** The model asked for a tool; {@code arguments} are redacted. */
    default void toolStarted(int step, String tool, String arguments) {}

    default void toolFinished(int step, ToolCall call) {}
}
