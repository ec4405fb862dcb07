package dev.opsbot.core.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule: if {@code when} matches a request, {@code effect} is the decision, and {@code name} and {@code reason} are
 * what people and the audit log are told.
 *
 * @param name unique, lower-case letters, digits and '-' ({@code no-exec}); it is how a refusal names its rule
 * @param effect what happens to a request it matches
 * @param reason one sentence saying why, shown with every refusal
 * @param when which requests it applies to
 */
public record PolicyRule(String name, PolicyEffect effect, String reason, PolicyCondition when) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    public PolicyRule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "rule name '" + name + "' must be lower-case letters, digits and '-', such as no-exec");
        }
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("rule " + name + " needs a reason: it is shown with every refusal");
        }
        Objects.requireNonNull(when, "when");
    }

    public boolean matches(PolicyRequest request) {
        return when.matches(request);
    }

    public PolicyDecision decision() {
        return effect.decision(name, reason);
    }
}
