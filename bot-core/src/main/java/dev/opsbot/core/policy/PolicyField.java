package dev.opsbot.core.policy;

import dev.opsbot.core.tool.Risk;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The closed set of things a rule can look at: the fields of a {@link PolicyRequest}, by the names rules use. There
 * is nothing else to reach (no arguments, no bodies, no code), so a rule cannot do more than compare these.
 */
public enum PolicyField {
    SYSTEM("system", PolicyRequest::system, List.of("kubernetes", "aws", "argocd", "github", "tool")),
    ACTION("action", PolicyRequest::action, null),
    RISK("risk", request -> Names.RISKS.get(request.risk().ordinal()), Names.RISKS),
    RESOURCE("resource", PolicyRequest::resource, null),
    NAMESPACE("namespace", PolicyRequest::namespace, null),
    NAME("name", PolicyRequest::name, null),
    ENVIRONMENT("environment", PolicyRequest::environment, null),
    PRINCIPAL("principal", PolicyRequest::principal, null);

    /** The Kubernetes verbs the transport reports, for checking rules that are only about Kubernetes. */
    public static final List<String> KUBERNETES_ACTIONS = List.of(
            "get",
            "list",
            "watch",
            "create",
            "update",
            "patch",
            "delete",
            "deletecollection",
            "exec",
            "attach",
            "portforward",
            "proxy");

    private final String key;
    private final Function<PolicyRequest, String> value;
    private final List<String> knownValues;

    PolicyField(String key, Function<PolicyRequest, String> value, List<String> knownValues) {
        this.key = key;
        this.value = value;
        this.knownValues = knownValues;
    }

    /** The name a rule uses for the field: {@code namespace}. */
    public String key() {
        return key;
    }

    /** The request's value of this field, or null when it has none (a cluster-scoped object has no namespace). */
    public String valueOf(PolicyRequest request) {
        return value.apply(request);
    }

    /** Every value the field can take, when that is a closed set ({@code system}, {@code risk}); empty otherwise. */
    public Optional<List<String>> knownValues() {
        return Optional.ofNullable(knownValues);
    }

    /** The field a rule names, if {@code key} is one. */
    public static Optional<PolicyField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** All keys, for messages: {@code system, action, risk, ...}. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(PolicyField::key).toList();
    }

    /** Computed once: a risk's name is asked for on every request checked. */
    private static final class Names {
        static final List<String> RISKS = Arrays.stream(Risk.values())
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
