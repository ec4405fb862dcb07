package dev.opsbot.core.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a rule does with a request it matches. */
public enum PolicyEffect {
    ALLOW,
    DENY,
    /** Allowed only while an {@link ApprovedAction} covering the request is bound. */
    REQUIRE_APPROVAL;

    /** As written in configuration: {@code allow}, {@code deny}, {@code require_approval}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyEffect> byConfigName(String name) {
        return Arrays.stream(values())
                .filter(e ->
                        e.configName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(PolicyEffect::configName).toList();
    }

    PolicyDecision decision(String rule, String reason) {
        return switch (this) {
            case ALLOW -> new PolicyDecision.Allow(rule, reason);
            case DENY -> new PolicyDecision.Deny(rule, reason);
            case REQUIRE_APPROVAL -> new PolicyDecision.RequireApproval(rule, reason);
        };
    }
}
