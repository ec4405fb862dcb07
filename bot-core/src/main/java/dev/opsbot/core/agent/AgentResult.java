package dev.opsbot.core.agent;

import java.util.List;

/** How an agent run ended. Every outcome says what it cost and which tools it called. */
public sealed interface AgentResult {
    ModelUsage usage();

    List<ToolCall> toolCalls();

    /** The model answered; {@code proposals} are suggestions for the approval flow, possibly none. */
    record Answered(
            String text,
            double confidence,
            List<ModelProposal> proposals,
            List<DomainAgent> agents,
            ModelUsage usage,
            List<ToolCall> toolCalls)
            implements AgentResult {
        public Answered {
            proposals = List.copyOf(proposals);
            agents = List.copyOf(agents);
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The model could not be used (outage, throttling after retries, refused credentials): answer without it. */
    record Unavailable(String reason, ModelUsage usage, List<ToolCall> toolCalls) implements AgentResult {
        public Unavailable {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** A budget ran out (steps, tokens, time) before the model concluded. */
    record Incomplete(String reason, ModelUsage usage, List<ToolCall> toolCalls) implements AgentResult {
        public Incomplete {
            toolCalls = List.copyOf(toolCalls);
        }
    }
}
