package dev.opsbot.tools.actions;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import java.util.regex.Pattern;

/**
 * The Deployment a Kubernetes action acts on. Names are checked as the API server would (a DNS label for the
 * namespace, a DNS subdomain for the name), so a malformed proposal is refused before any request is made.
 */
public record DeploymentRef(String namespace, String name) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public DeploymentRef {
        if (namespace == null || !LABEL.matcher(namespace).matches()) {
            throw bad("namespace '" + namespace + "' is not a Kubernetes namespace name");
        }
        if (name == null || name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            throw bad("name '" + name + "' is not a Kubernetes object name");
        }
    }

    static DeploymentRef from(Arguments arguments) {
        return new DeploymentRef(arguments.text("namespace"), arguments.text("name"));
    }

    /** {@code Deployment shop/checkout}. */
    public String display() {
        return "Deployment " + namespace + "/" + name;
    }

    private static SourceFailure bad(String why) {
        return new SourceFailure(KubernetesAccess.SOURCE, SourceFailure.Kind.BAD_REQUEST, why, null);
    }
}
