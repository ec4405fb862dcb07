package dev.opsbot.core.agent;

/** Tokens and calls one answer cost. */
public record ModelUsage(long inputTokens, long outputTokens, int calls) {
    public static final ModelUsage NONE = new ModelUsage(0, 0, 0);

    public ModelUsage plus(long input, long output) {
        return new ModelUsage(inputTokens + input, outputTokens + output, calls + 1);
    }
}
