package dev.opsbot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyRuleTest {

    @Test
    void aRuleNameMustBeAKebabCaseWord() {
        assertThatThrownBy(() -> new PolicyRule("No Exec", PolicyEffect.DENY, "why", PolicyCondition.any()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as no-exec");
    }

    @Test
    void aRuleNeedsAReasonBecauseEveryRefusalShowsIt() {
        assertThatThrownBy(() -> new PolicyRule("quiet", PolicyEffect.DENY, " ", PolicyCondition.any()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
    }

    @Test
    void theDecisionCarriesTheRulesNameAndReason() {
        PolicyRule rule =
                new PolicyRule("no-friday", PolicyEffect.REQUIRE_APPROVAL, "it is Friday", PolicyCondition.any());

        assertThat(rule.decision()).isEqualTo(new PolicyDecision.RequireApproval("no-friday", "it is Friday"));
    }

    @Test
    void effectsAreWrittenInLowerCaseInConfiguration() {
        assertThat(PolicyEffect.byConfigName("require_approval")).contains(PolicyEffect.REQUIRE_APPROVAL);
        assertThat(PolicyEffect.byConfigName(" Deny ")).contains(PolicyEffect.DENY);
        assertThat(PolicyEffect.byConfigName("refuse")).isEmpty();
        assertThat(PolicyEffect.configNames()).containsExactly("allow", "deny", "require_approval");
    }
}
