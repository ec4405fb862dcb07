package dev.opsbot.tools.actions;

import dev.opsbot.core.tool.SourceFailure;
import java.util.Objects;

/**
 * A proposal's target, {@code Kind/namespace/name} ({@code Deployment/shop/checkout}) or {@code Kind/name} for
 * things without a namespace: the form triage's remediations use.
 *
 * @param namespace empty when the target has none
 */
public record Target(String kind, String namespace, String name) {
    public Target {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    /**
     * @throws SourceFailure BAD_REQUEST naming the target when it is not {@code Kind/name} or {@code Kind/ns/name}
     */
    public static Target parse(String source, String target) {
        String[] parts = target == null ? new String[0] : target.strip().split("/", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw bad(source, target);
            }
        }
        return switch (parts.length) {
            case 2 -> new Target(parts[0], "", parts[1]);
            case 3 -> new Target(parts[0], parts[1], parts[2]);
            default -> throw bad(source, target);
        };
    }

    /** This target, which must be a {@code kind}; otherwise BAD_REQUEST naming the tool that refused it. */
    public Target require(String source, String tool, String expectedKind, boolean namespaced) {
        if (!kind.equals(expectedKind)) {
            throw new SourceFailure(
                    source,
                    SourceFailure.Kind.BAD_REQUEST,
                    tool + " acts on " + expectedKind + "s, not on " + display(),
                    null);
        }
        if (namespaced && namespace.isEmpty()) {
            throw new SourceFailure(
                    source,
                    SourceFailure.Kind.BAD_REQUEST,
                    tool + " needs the " + expectedKind + "'s namespace: " + expectedKind + "/NAMESPACE/NAME",
                    null);
        }
        return this;
    }

    /** {@code Deployment shop/checkout}. */
    public String display() {
        return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }

    private static SourceFailure bad(String source, String target) {
        return new SourceFailure(
                source,
                SourceFailure.Kind.BAD_REQUEST,
                "target '" + target + "' is not Kind/namespace/name (e.g. Deployment/shop/checkout)",
                null);
    }
}
