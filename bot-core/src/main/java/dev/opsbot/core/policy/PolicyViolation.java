package dev.opsbot.core.policy;

import dev.opsbot.core.OpsbotException;

/**
 * A guardrail stopped something before it was sent. The message names the request and the rule ("delete namespaces
 * shop (kubernetes, production) is refused by rule no-destructive-in-production: ..."); never retriable.
 */
public final class PolicyViolation extends OpsbotException {
    private final PolicyRequest request;
    private final PolicyDecision decision;

    public PolicyViolation(PolicyRequest request, PolicyDecision decision) {
        super(request.describe() + " is refused by rule " + decision.rule() + ": " + decision.reason());
        this.request = request;
        this.decision = decision;
    }

    public PolicyRequest request() {
        return request;
    }

    public PolicyDecision decision() {
        return decision;
    }
}
