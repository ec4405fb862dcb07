package dev.opsbot.core.triage.result;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fix to propose: an action ({@code kubernetes.rollback}), its target ({@code Deployment/shop/checkout}) and
 * parameters ({@code toRevision: 41}). Proposing is all triage does; a human approves before anything runs.
 */
public record Remediation(String action, String target, Map<String, Object> params) {
    public Remediation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code rollback Deployment/shop/checkout toRevision=41}, the one line a proposal shows. */
    public String describe() {
        StringBuilder text = new StringBuilder(
                        action.substring(action.indexOf('.') + 1).replace('_', ' '))
                .append(' ')
                .append(target);
        params.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        return text.toString();
    }
}
