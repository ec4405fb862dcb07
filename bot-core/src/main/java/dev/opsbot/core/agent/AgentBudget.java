package dev.opsbot.core.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How far one answer may go: model calls ({@code maxSteps}), input tokens over all calls, output tokens per call,
 * wall-clock time, and how often a failing model call is retried (after {@code backoff}, doubling, jittered).
 */
public record AgentBudget(
        int maxSteps, long maxInputTokens, int maxOutputTokens, Duration timeout, int retries, Duration backoff) {

    public static final AgentBudget DEFAULTS =
            new AgentBudget(8, 24_000, 1_500, Duration.ofSeconds(60), 2, Duration.ofSeconds(1));

    public AgentBudget {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        if (maxInputTokens < 1 || maxOutputTokens < 1) {
            throw new IllegalArgumentException("token budgets must be positive");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
        }
    }
}
