package dev.opsbot.tools.actions;

import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;

/** The requests an action declares, as the transport guard will see them. */
public final class Requests {
    private Requests() {}

    /** A Kubernetes request: an RBAC verb on a resource ({@code patch deployments shop/checkout}). */
    public static PolicyRequest kubernetes(
            String verb, String resource, String namespace, String name, String environment, String principal) {
        return new PolicyRequest("kubernetes", verb, riskOf(verb), resource, namespace, name, environment, principal);
    }

    /** An Argo CD API call on an application ({@code sync applications checkout}). */
    public static PolicyRequest argocd(
            String action, Risk risk, String namespace, String name, String environment, String principal) {
        return new PolicyRequest("argocd", action, risk, "applications", namespace, name, environment, principal);
    }

    private static Risk riskOf(String verb) {
        return switch (verb) {
            case "get", "list", "watch" -> Risk.READ;
            case "delete", "deletecollection" -> Risk.DESTRUCTIVE;
            default -> Risk.WRITE;
        };
    }
}
