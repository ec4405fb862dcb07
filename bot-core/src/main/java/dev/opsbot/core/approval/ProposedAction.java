package dev.opsbot.core.approval;

import dev.opsbot.core.tool.Risk;
import java.util.Map;
import java.util.Objects;

/**
 * The exact action a proposal would run: an action tool's name, its target and parameters, and the words every
 * platform shows for it.
 *
 * @param action the action tool ({@code kubernetes.rollback})
 * @param target what it acts on ({@code Deployment/shop/checkout})
 * @param params the tool's arguments ({@code toRevision: 41})
 * @param operation the action in words, the same everywhere ({@code rollback Deployment shop/checkout to revision 41})
 * @param risk the tool's risk
 */
public record ProposedAction(String action, String target, Map<String, Object> params, String operation, Risk risk) {
    public ProposedAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(risk, "risk");
        params = Map.copyOf(params == null ? Map.of() : params);
        if (risk == Risk.READ) {
            throw new IllegalArgumentException("a proposal is for a write: " + action + " is a read");
        }
    }
}
