package dev.opsbot.core.policy;

import dev.opsbot.core.tool.Risk;
import java.util.Objects;

/**
 * One thing about to be done, as the guardrails see it, whichever layer asks: a tool about to run, or a request about
 * to leave for Kubernetes or AWS.
 *
 * @param system where it goes: {@code kubernetes}, {@code aws}, {@code argocd}, {@code github}, {@code tool}
 * @param action what is done there: a Kubernetes verb ({@code get}, {@code list}, {@code delete}, {@code exec}), an
 *     AWS operation ({@code GetMetricData}), a tool name ({@code kubernetes.rollback})
 * @param risk how dangerous the action is ({@link Risk#READ}, {@link Risk#WRITE}, {@link Risk#DESTRUCTIVE})
 * @param resource what kind of thing: a Kubernetes resource ({@code deployments}, {@code secrets}; a subresource as
 *     {@code pods/exec}), an AWS service ({@code cloudwatch}); null when none applies
 * @param namespace the Kubernetes namespace, or null
 * @param name the object's name, or null (a list, an AWS call)
 * @param environment the environment the client is configured for ({@code production})
 * @param principal who it is done as (an e-mail), or null when the layer cannot tell
 */
public record PolicyRequest(
        String system,
        String action,
        Risk risk,
        String resource,
        String namespace,
        String name,
        String environment,
        String principal) {
    public PolicyRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(environment, "environment");
    }

    /** For messages and the audit log: {@code delete namespaces shop (kubernetes, production)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(action);
        if (resource != null) {
            text.append(' ').append(resource);
        }
        if (namespace != null || name != null) {
            text.append(' ');
            if (namespace != null) {
                text.append(namespace).append(name == null ? "" : "/");
            }
            if (name != null) {
                text.append(name);
            }
        }
        return text.append(" (")
                .append(system)
                .append(", ")
                .append(environment)
                .append(')')
                .toString();
    }
}
