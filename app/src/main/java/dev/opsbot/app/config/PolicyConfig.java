package dev.opsbot.app.config;

import dev.opsbot.core.policy.Glob;
import dev.opsbot.core.policy.PolicyCondition;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyField;
import dev.opsbot.core.policy.PolicyRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardrail rules added to the defaults (docs/guardrails.md). They are tried after the default refusals (exec,
 * Secret values, destructive operations in production) and before the default baseline (writes need approval, reads
 * are allowed), first match wins; so they can refuse more, or ask approval for more, but never allow a write. Which
 * environment a request is in comes from the client that makes it ({@code identity.environment} and the channel
 * mappings), not from here: a rule matches it with {@code when.environment}.
 *
 * <p>Everything is checked at start: an unknown key ({@code namspace}), an effect, a risk or a system that does not
 * exist, an empty list, a reused name and an {@code allow} that could match a write each fail with the key, the value
 * and the fix.
 *
 * @param rules the configured rules, in the order they are tried
 */
public record PolicyConfig(List<PolicyRule> rules) {
    public PolicyConfig {
        rules = List.copyOf(rules == null ? List.of() : rules);
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(List.of());
    }

    /** The engine: the defaults around these rules. */
    public PolicyEngine engine() {
        return rules.isEmpty() ? PolicyEngine.defaults() : new PolicyEngine(rules);
    }

    static PolicyConfig from(ConfigNode node) {
        List<ConfigNode> items = node.sections("rules");
        List<PolicyRule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (items != null) {
            for (ConfigNode item : items) {
                PolicyRule rule = rule(item);
                String earlier = seen.putIfAbsent(rule.name(), item.key("name"));
                if (earlier != null) {
                    throw new ConfigException(
                            item.key("name"),
                            rule.name(),
                            "is already the name of " + earlier.substring(0, earlier.length() - ".name".length()),
                            "give each rule its own name: refusals name the rule that refused");
                }
                rules.add(rule);
            }
        }
        node.rejectUnknown();
        return new PolicyConfig(rules);
    }

    private static PolicyRule rule(ConfigNode item) {
        String name = name(item);
        PolicyEffect effect = effect(item);
        String reason = Checks.text(
                item.key("reason"),
                item.text("reason"),
                "say in one sentence why, such as: the shop team reads its own namespace; it is shown with every"
                        + " refusal");
        PolicyCondition when = when(item.section("when"));
        item.rejectUnknown();
        PolicyRule rule;
        try {
            rule = new PolicyRule(name, effect, reason, when);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(item.key("name"), name, "is not a valid rule: " + e.getMessage(), "fix the rule");
        }
        PolicyEngine.allowsWrites(rule).ifPresent(problem -> {
            throw new ConfigException(
                    item.key("effect"),
                    effect.configName(),
                    "would let writes run without an approved proposal, because the rule is not limited to reads",
                    "add risk: [read] under " + item.key("when") + ", or use require_approval");
        });
        return rule;
    }

    private static String name(ConfigNode item) {
        String key = item.key("name");
        String name = Checks.text(key, item.text("name"), "name the rule, such as no-kube-system");
        if (!PolicyRule.NAME.matcher(name).matches()) {
            throw new ConfigException(
                    key, name, "is not a rule name", "use lower-case letters, digits and '-', such as no-kube-system");
        }
        if (PolicyEngine.isDefault(name)) {
            throw new ConfigException(
                    key,
                    name,
                    "is the name of a default rule, which always applies and cannot be replaced",
                    "choose another name");
        }
        return name;
    }

    private static PolicyEffect effect(ConfigNode item) {
        String key = item.key("effect");
        String written = item.text("effect");
        if (written == null) {
            throw new ConfigException(
                    key, null, "is not set", "use one of " + String.join(", ", PolicyEffect.configNames()));
        }
        return PolicyEffect.byConfigName(written)
                .orElseThrow(() -> new ConfigException(
                        key,
                        written,
                        "is not an effect",
                        "use one of " + String.join(", ", PolicyEffect.configNames())));
    }

    private static PolicyCondition when(ConfigNode when) {
        Map<PolicyField, List<Glob>> fields = new EnumMap<>(PolicyField.class);
        Map<PolicyField, String> keys = new EnumMap<>(PolicyField.class);
        for (PolicyField field : PolicyField.values()) {
            List<String> patterns = when.strings(field.key(), null);
            if (patterns == null) {
                continue;
            }
            String key = when.key(field.key());
            if (patterns.isEmpty()) {
                throw new ConfigException(
                        key, null, "is an empty list, which matches nothing", "list patterns, or remove " + key);
            }
            List<Glob> globs = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).isBlank()) {
                    throw new ConfigException(
                            key + "[" + i + "]",
                            null,
                            "is empty",
                            "write a pattern; * matches anything, ? one character");
                }
                globs.add(Glob.of(patterns.get(i)));
            }
            fields.put(field, globs);
            keys.put(field, key);
        }
        when.rejectUnknown();
        fields.forEach((field, globs) -> {
            for (int i = 0; i < globs.size(); i++) {
                Glob glob = globs.get(i);
                String key = keys.get(field) + "[" + i + "]";
                PolicyCondition.problem(field, glob, fields.get(PolicyField.SYSTEM))
                        .ifPresent(problem -> {
                            throw new ConfigException(
                                    key, glob.pattern(), problem, "correct the spelling; patterns ignore case");
                        });
            }
        });
        return new PolicyCondition(fields);
    }
}
