package dev.opsbot.core.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides Allow, Deny or RequireApproval for a request: the first rule that matches wins, in this order:
 *
 * <ol>
 *   <li>the {@linkplain DefaultRules#guardrails() guardrails} (no exec, no Secret values, nothing destructive in
 *       production), which no configuration can remove or get ahead of;
 *   <li>the configured rules, in the order written;
 *   <li>the {@linkplain DefaultRules#baseline() baseline}: writes need approval, reads are allowed;
 *   <li>nothing matched: refused ({@value #NO_RULE}).
 * </ol>
 *
 * <p>A configured rule may refuse anything, or ask for approval of anything, but it may allow only reads: an
 * {@code allow} that could match a write would remove "every write needs an approved proposal", which is not
 * configurable. Deciding is a walk over a short list comparing a handful of strings: microseconds, cheap enough to run
 * on every request at the transport.
 */
public final class PolicyEngine {
    /** The name of the decision when no rule matched. */
    public static final String NO_RULE = "no-rule-matched";

    private static final PolicyEngine DEFAULTS = new PolicyEngine(List.of());

    private final List<PolicyRule> configured;
    private final List<PolicyRule> rules;

    /** The defaults around {@code configured}. */
    public PolicyEngine(List<PolicyRule> configured) {
        this(withDefaults(configured), configured);
        Set<String> names = new HashSet<>();
        for (PolicyRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("two rules are named " + rule.name() + ": give each its own name"
                        + (isDefault(rule.name()) ? " (" + rule.name() + " is a default rule's name)" : ""));
            }
        }
        for (PolicyRule rule : this.configured) {
            allowsWrites(rule).ifPresent(problem -> {
                throw new IllegalArgumentException("rule " + rule.name() + " " + problem);
            });
        }
    }

    /** Only the defaults. */
    public static PolicyEngine defaults() {
        return DEFAULTS;
    }

    public PolicyDecision decide(PolicyRequest request) {
        for (PolicyRule rule : rules) {
            if (rule.matches(request)) {
                return rule.decision();
            }
        }
        return new PolicyDecision.Deny(NO_RULE, "no rule allows it, and what no rule allows is refused");
    }

    /** Every rule in the order they are tried: guardrails, configured, baseline. */
    public List<PolicyRule> rules() {
        return rules;
    }

    public List<PolicyRule> configured() {
        return configured;
    }

    /** Whether {@code name} is taken by a default rule, which a configured rule cannot reuse. */
    public static boolean isDefault(String name) {
        return DefaultRules.guardrails().stream().anyMatch(r -> r.name().equals(name))
                || DefaultRules.baseline().stream().anyMatch(r -> r.name().equals(name));
    }

    /**
     * What is wrong with a configured rule that could let a write through without approval: an {@code allow} whose
     * {@code risk} patterns do not keep it to reads.
     */
    public static Optional<String> allowsWrites(PolicyRule rule) {
        if (rule.effect() != PolicyEffect.ALLOW) {
            return Optional.empty();
        }
        List<Glob> risks = rule.when().fields().get(PolicyField.RISK);
        boolean readsOnly =
                risks != null && risks.stream().noneMatch(g -> g.matches("write") || g.matches("destructive"));
        return readsOnly
                ? Optional.empty()
                : Optional.of("allows without limiting itself to reads, so it would let writes run without an"
                        + " approved proposal; add risk: [read], or use require_approval");
    }

    /** An engine over exactly {@code rules}, no defaults: for tests of the language itself. */
    static PolicyEngine withoutDefaults(List<PolicyRule> rules) {
        return new PolicyEngine(rules, rules);
    }

    private PolicyEngine(List<PolicyRule> rules, List<PolicyRule> configured) {
        this.rules = List.copyOf(rules);
        this.configured = List.copyOf(configured);
    }

    private static List<PolicyRule> withDefaults(List<PolicyRule> configured) {
        List<PolicyRule> all = new ArrayList<>(DefaultRules.guardrails());
        all.addAll(configured);
        all.addAll(DefaultRules.baseline());
        return all;
    }
}
