package dev.opsbot.core.agent;

import java.util.Map;
import java.util.Objects;

/**
 * A fix the model suggests: an action tool by name, what it acts on, its arguments, and why. Only a suggestion:
 * the approval flow decides whether it becomes a proposal at all (a known action tool, allowed by policy) and a
 * person decides whether it runs.
 */
public record ModelProposal(String action, String target, Map<String, Object> params, String reason) {
    public ModelProposal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        params = Map.copyOf(params == null ? Map.of() : params);
        reason = reason == null ? "" : reason;
    }
}
