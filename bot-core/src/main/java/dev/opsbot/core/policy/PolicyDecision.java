package dev.opsbot.core.policy;

import java.util.Objects;

/** What the guardrails decided, and by which rule: the rule's name is shown to people and recorded. */
public sealed interface PolicyDecision {
    String rule();

    String reason();

    record Allow(String rule, String reason) implements PolicyDecision {
        public Allow {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Deny(String rule, String reason) implements PolicyDecision {
        public Deny {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Allowed only as part of an approved proposal. */
    record RequireApproval(String rule, String reason) implements PolicyDecision {
        public RequireApproval {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
