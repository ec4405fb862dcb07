package dev.opsbot.core.conversation;

/** Metrics of the model's work: tokens per call, and how each answer ended. */
public interface AgentObserver {
    AgentObserver NONE = new AgentObserver() {};

    default void modelCalled(String model, long inputTokens, long outputTokens) {}

    /** {@code outcome}: answered, unavailable, incomplete. */
    default void finished(String model, String outcome, long inputTokens, long outputTokens) {}
}
