package dev.opsbot.core.triage;

import java.util.Objects;

/**
 * A thing in the estate: a Kubernetes object ({@code Deployment shop/checkout}), an Argo CD application, a
 * repository, or a service outside our control ({@code ExternalService api.stripe.com}). {@code namespace} is empty
 * when the kind has none.
 */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    public static ObjectRef of(String kind, String namespace, String name) {
        return new ObjectRef(kind, namespace, name);
    }

    /** {@code Deployment/shop/checkout}, the form used in remediation targets. */
    public String path() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** {@code Deployment shop/checkout}, the form used in sentences. */
    public String display() {
        return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
