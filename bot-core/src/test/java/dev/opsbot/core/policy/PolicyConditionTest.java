package dev.opsbot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.tool.Risk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyConditionTest {

    @Test
    void aMisspeltRiskIsRefusedWhenTheRuleIsMadeNotIgnoredForever() {
        assertThatThrownBy(() -> PolicyCondition.of(Map.of(PolicyField.RISK, List.of("wirte"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("risk pattern 'wirte' matches none of read, write, destructive");
    }

    @Test
    void aMisspeltSystemIsRefused() {
        assertThatThrownBy(() -> PolicyCondition.of(Map.of(PolicyField.SYSTEM, List.of("kubernets"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matches none of kubernetes, aws, argocd, github, tool");
    }

    @Test
    void inARuleOnlyAboutKubernetesActionsMustBeKubernetesVerbs() {
        assertThatThrownBy(() -> PolicyCondition.of(
                        Map.of(PolicyField.SYSTEM, List.of("kubernetes"), PolicyField.ACTION, List.of("remove"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action pattern 'remove' matches none of get, list, watch");
        // about AWS too: operation names cannot be checked, so any action is accepted
        assertThat(PolicyCondition.of(Map.of(PolicyField.SYSTEM, List.of("*"), PolicyField.ACTION, List.of("remove"))))
                .isNotNull();
    }

    @Test
    void anEmptyListIsRefusedBecauseItWouldMatchNothing() {
        assertThatThrownBy(() -> PolicyCondition.of(Map.of(PolicyField.NAME, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the list for name is empty");
    }

    @Test
    void anEmptyConditionMatchesEverything() {
        PolicyRequest anything =
                new PolicyRequest("aws", "GetMetricData", Risk.READ, "cloudwatch", null, null, "staging", null);

        assertThat(PolicyCondition.any().matches(anything)).isTrue();
    }

    @Test
    void aClusterScopedRequestHasNoNamespaceWhichOnlyAStarMatches() {
        PolicyRequest nodes =
                new PolicyRequest("kubernetes", "list", Risk.READ, "nodes", null, null, "production", null);

        assertThat(PolicyCondition.of(Map.of(PolicyField.NAMESPACE, List.of("*")))
                        .matches(nodes))
                .isTrue();
        assertThat(PolicyCondition.of(Map.of(PolicyField.NAMESPACE, List.of("shop")))
                        .matches(nodes))
                .isFalse();
    }

    @Test
    void riskIsMatchedByItsLowerCaseName() {
        PolicyRequest write =
                new PolicyRequest("kubernetes", "patch", Risk.WRITE, "deployments", "shop", "c", "production", null);

        assertThat(PolicyCondition.of(Map.of(PolicyField.RISK, List.of("write")))
                        .matches(write))
                .isTrue();
        assertThat(PolicyCondition.of(Map.of(PolicyField.RISK, List.of("read"))).matches(write))
                .isFalse();
    }
}
