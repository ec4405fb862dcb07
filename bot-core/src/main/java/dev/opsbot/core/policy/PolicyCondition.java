package dev.opsbot.core.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code when} of a rule: for each field it names, a list of {@link Glob}s, one of which must match; every field
 * it names must match. A field it does not name matches anything, so an empty condition matches every request.
 *
 * <p>Patterns for fields with a closed set of values ({@code system}, {@code risk}, and {@code action} in a rule only
 * about Kubernetes) must match at least one of them: a typo such as {@code risk: [wirte]} would otherwise make a rule
 * that silently never applies, and is refused when the rule is made instead.
 */
public record PolicyCondition(Map<PolicyField, List<Glob>> fields) {
    private static final PolicyCondition ANY = new PolicyCondition(Map.of());

    public PolicyCondition {
        EnumMap<PolicyField, List<Glob>> copy = new EnumMap<>(PolicyField.class);
        fields.forEach((field, patterns) -> {
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException(
                        "the list for " + field.key() + " is empty, so it matches nothing: remove it or list patterns");
            }
            copy.put(field, List.copyOf(patterns));
        });
        for (var entry : copy.entrySet()) {
            for (Glob pattern : entry.getValue()) {
                problem(entry.getKey(), pattern, copy.get(PolicyField.SYSTEM)).ifPresent(problem -> {
                    throw new IllegalArgumentException(entry.getKey().key() + " pattern '" + pattern + "' " + problem);
                });
            }
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** Matches every request. */
    public static PolicyCondition any() {
        return ANY;
    }

    /** A condition from field → patterns, as text. */
    public static PolicyCondition of(Map<PolicyField, List<String>> patterns) {
        EnumMap<PolicyField, List<Glob>> globs = new EnumMap<>(PolicyField.class);
        patterns.forEach(
                (field, texts) -> globs.put(field, texts.stream().map(Glob::of).toList()));
        return new PolicyCondition(globs);
    }

    public boolean matches(PolicyRequest request) {
        for (var entry : fields.entrySet()) {
            String value = entry.getKey().valueOf(request);
            if (!anyMatches(entry.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with {@code pattern} as a pattern of {@code field}, if anything: "matches none of read, write,
     * destructive".
     *
     * @param systems the rule's {@code system} patterns, or null when it names none: a rule only about Kubernetes
     *     has its actions checked against the Kubernetes verbs
     */
    public static Optional<String> problem(PolicyField field, Glob pattern, List<Glob> systems) {
        List<String> known = field.knownValues().orElse(null);
        if (field == PolicyField.ACTION && onlyKubernetes(systems)) {
            known = PolicyField.KUBERNETES_ACTIONS;
        }
        if (known != null && !pattern.matchesAny(known)) {
            return Optional.of("matches none of " + String.join(", ", known));
        }
        return Optional.empty();
    }

    private static boolean onlyKubernetes(List<Glob> systems) {
        if (systems == null) {
            return false;
        }
        List<String> all = PolicyField.SYSTEM.knownValues().orElseThrow();
        return all.stream().filter(system -> anyMatches(systems, system)).allMatch("kubernetes"::equals);
    }

    private static boolean anyMatches(List<Glob> patterns, String value) {
        for (Glob pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
