package dev.opsbot.tools.kubernetes;

import java.util.Objects;

/**
 * One request to the API server, described as RBAC sees it, so that a refusal names the missing permission:
 * {@code list pods in namespace shop}, {@code get nodes}.
 *
 * @param verb the RBAC verb ({@code list}, {@code get})
 * @param resource the RBAC resource ({@code pods}, {@code pods/log}, {@code nodes})
 * @param namespace empty for cluster-scoped resources
 * @param name the object's name for a get, or empty
 */
public record ApiCall(String verb, String resource, String namespace, String name) {
    public ApiCall {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static ApiCall list(String resource, String namespace) {
        return new ApiCall("list", resource, namespace, "");
    }

    public static ApiCall get(String resource, String namespace, String name) {
        return new ApiCall("get", resource, namespace, name);
    }

    /** {@code list pods in namespace shop}: what {@code SourceFailure.forbidden} names. */
    public String permission() {
        return verb + " " + resource + (namespace.isEmpty() ? "" : " in namespace " + namespace);
    }

    /** {@code pods/log checkout-abc in namespace shop}: what was looked for, for "not found" messages. */
    public String target() {
        return resource
                + (name.isEmpty() ? "" : " " + name)
                + (namespace.isEmpty() ? "" : " in namespace " + namespace);
    }
}
