package dev.opsbot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.tool.Risk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private final PolicyEngine defaults = PolicyEngine.defaults();

    static PolicyRequest kubernetes(String verb, Risk risk, String resource, String namespace, String name) {
        return new PolicyRequest(
                "kubernetes", verb, risk, resource, namespace, name, "production", "alice@example.com");
    }

    static PolicyRequest aws(String operation, Risk risk, String environment) {
        return new PolicyRequest("aws", operation, risk, "cloudwatch", null, null, environment, null);
    }

    static PolicyRule rule(String name, PolicyEffect effect, Map<PolicyField, List<String>> when) {
        return new PolicyRule(name, effect, "because " + name, PolicyCondition.of(when));
    }

    @Test
    void readsAreAllowedByTheBaseline() {
        PolicyDecision decision = defaults.decide(kubernetes("list", Risk.READ, "pods", "shop", null));

        assertThat(decision)
                .isEqualTo(new PolicyDecision.Allow(
                        "reads-allowed", "reads run as the person, within their own RBAC and IAM permissions"));
    }

    @Test
    void everyWriteNeedsApproval() {
        PolicyDecision decision = defaults.decide(kubernetes("patch", Risk.WRITE, "deployments", "shop", "checkout"));

        assertThat(decision).isInstanceOf(PolicyDecision.RequireApproval.class);
        assertThat(decision.rule()).isEqualTo("writes-need-approval");
    }

    @Test
    void execAttachPortForwardAndProxyAreDenied() {
        for (String resource :
                List.of("pods/exec", "pods/attach", "pods/portforward", "services/proxy", "nodes/proxy")) {
            PolicyDecision decision = defaults.decide(kubernetes("exec", Risk.WRITE, resource, "shop", "checkout-1"));

            assertThat(decision).as(resource).isInstanceOf(PolicyDecision.Deny.class);
            assertThat(decision.rule()).isEqualTo("no-exec");
        }
    }

    @Test
    void readingSecretValuesIsDeniedButTheirMetadataIsNot() {
        for (String verb : List.of("get", "list", "watch")) {
            assertThat(defaults.decide(kubernetes(verb, Risk.READ, "secrets", "shop", null))
                            .rule())
                    .isEqualTo("no-secret-values");
        }
        assertThat(defaults.decide(kubernetes("get", Risk.READ, "secrets/metadata", "shop", "db")))
                .isInstanceOf(PolicyDecision.Allow.class);
    }

    @Test
    void awsSecretValuesAreDenied() {
        assertThat(defaults.decide(aws("GetSecretValue", Risk.READ, "staging")).rule())
                .isEqualTo("no-aws-secret-values");
    }

    @Test
    void destructiveKubernetesDeletesAreDeniedInProductionOnly() {
        for (String resource : DefaultRules.KUBERNETES_DESTRUCTIVE_DELETES) {
            assertThat(defaults.decide(kubernetes("delete", Risk.DESTRUCTIVE, resource, null, "shop"))
                            .rule())
                    .isEqualTo("no-data-loss-in-production");
        }
        PolicyRequest staging = new PolicyRequest(
                "kubernetes", "delete", Risk.DESTRUCTIVE, "namespaces", null, "shop", "staging", null);
        assertThat(defaults.decide(staging)).isInstanceOf(PolicyDecision.RequireApproval.class);
    }

    @Test
    void deleteCollectionOfAnythingIsDeniedInProduction() {
        assertThat(defaults.decide(kubernetes("deletecollection", Risk.DESTRUCTIVE, "pods", "shop", null))
                        .rule())
                .isEqualTo("no-deletecollection-in-production");
    }

    @Test
    void destructiveAwsOperationsAreDeniedInProductionEvenIfClassifiedAsWrites() {
        for (String operation : List.of(
                "DeleteBucket",
                "DeleteDBInstance",
                "DeleteDBCluster",
                "DeleteTable",
                "TerminateInstances",
                "DeleteCluster")) {
            assertThat(defaults.decide(aws(operation, Risk.WRITE, "production")).rule())
                    .as(operation)
                    .isEqualTo("no-aws-data-loss-in-production");
        }
    }

    @Test
    void anythingDestructiveIsDeniedInProductionWhateverItsSystem() {
        PolicyRequest tool = new PolicyRequest(
                "tool", "kubernetes.delete_namespace", Risk.DESTRUCTIVE, null, null, null, "prod", "alice@example.com");

        assertThat(defaults.decide(tool).rule()).isEqualTo("no-destructive-in-production");
    }

    @Test
    void configuredRulesComeAfterTheGuardrailsSoTheyCannotLetExecThrough() {
        PolicyEngine engine = new PolicyEngine(List.of(rule(
                "exec-for-debugging",
                PolicyEffect.ALLOW,
                Map.of(PolicyField.RESOURCE, List.of("pods/exec"), PolicyField.RISK, List.of("read")))));

        assertThat(engine.decide(kubernetes("exec", Risk.READ, "pods/exec", "shop", "c"))
                        .rule())
                .isEqualTo("no-exec");
    }

    @Test
    void configuredRulesComeBeforeTheBaselineSoTheyCanRefuseMore() {
        PolicyEngine engine = new PolicyEngine(List.of(rule(
                "no-kube-system",
                PolicyEffect.DENY,
                Map.of(PolicyField.SYSTEM, List.of("kubernetes"), PolicyField.NAMESPACE, List.of("kube-*")))));

        assertThat(engine.decide(kubernetes("list", Risk.READ, "pods", "kube-system", null)))
                .isEqualTo(new PolicyDecision.Deny("no-kube-system", "because no-kube-system"));
        assertThat(engine.decide(kubernetes("list", Risk.READ, "pods", "shop", null))
                        .rule())
                .isEqualTo("reads-allowed");
    }

    @Test
    void aConfiguredRuleCanRequireApprovalForAReadAndTheFirstMatchWins() {
        PolicyEngine engine = new PolicyEngine(List.of(
                rule(
                        "payments-logs-need-approval",
                        PolicyEffect.REQUIRE_APPROVAL,
                        Map.of(PolicyField.RESOURCE, List.of("pods/log"), PolicyField.NAMESPACE, List.of("payments"))),
                rule("no-payments", PolicyEffect.DENY, Map.of(PolicyField.NAMESPACE, List.of("payments")))));

        assertThat(engine.decide(kubernetes("get", Risk.READ, "pods/log", "payments", "api-1"))
                        .rule())
                .isEqualTo("payments-logs-need-approval");
        assertThat(engine.decide(kubernetes("get", Risk.READ, "pods", "payments", "api-1"))
                        .rule())
                .isEqualTo("no-payments");
    }

    @Test
    void aConfiguredAllowThatCouldMatchAWriteIsRefusedBecauseApprovalIsNotConfigurable() {
        assertThatThrownBy(() -> new PolicyEngine(List.of(
                        rule("let-bob-scale", PolicyEffect.ALLOW, Map.of(PolicyField.PRINCIPAL, List.of("bob@*"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("let-bob-scale")
                .hasMessageContaining("add risk: [read]");
        assertThatThrownBy(() -> new PolicyEngine(
                        List.of(rule("sneaky", PolicyEffect.ALLOW, Map.of(PolicyField.RISK, List.of("*"))))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredRuleCannotTakeADefaultRulesName() {
        assertThatThrownBy(() -> new PolicyEngine(
                        List.of(rule("no-exec", PolicyEffect.DENY, Map.of(PolicyField.NAMESPACE, List.of("x"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-exec is a default rule's name");
    }

    @Test
    void allGivenFieldsMustMatch() {
        PolicyEngine engine = PolicyEngine.withoutDefaults(List.of(rule(
                "shop-checkout",
                PolicyEffect.ALLOW,
                Map.of(PolicyField.NAMESPACE, List.of("shop"), PolicyField.NAME, List.of("checkout")))));

        assertThat(engine.decide(kubernetes("get", Risk.READ, "deployments", "shop", "checkout"))
                        .rule())
                .isEqualTo("shop-checkout");
        assertThat(engine.decide(kubernetes("get", Risk.READ, "deployments", "shop", "cart"))
                        .rule())
                .isEqualTo(PolicyEngine.NO_RULE);
    }

    @Test
    void whatNoRuleMatchesIsRefused() {
        PolicyDecision decision =
                PolicyEngine.withoutDefaults(List.of()).decide(kubernetes("get", Risk.READ, "pods", "shop", "x"));

        assertThat(decision).isInstanceOf(PolicyDecision.Deny.class);
        assertThat(decision.rule()).isEqualTo("no-rule-matched");
    }

    @Test
    void theRulesAreGuardrailsThenConfiguredThenBaseline() {
        PolicyRule mine = rule("mine", PolicyEffect.DENY, Map.of(PolicyField.NAMESPACE, List.of("x")));
        List<String> names = new PolicyEngine(List.of(mine))
                .rules().stream().map(PolicyRule::name).toList();

        assertThat(names)
                .containsExactly(
                        "no-exec",
                        "no-secret-values",
                        "no-aws-secret-values",
                        "no-data-loss-in-production",
                        "no-deletecollection-in-production",
                        "no-aws-data-loss-in-production",
                        "no-destructive-in-production",
                        "mine",
                        "writes-need-approval",
                        "reads-allowed");
    }

    @Test
    void decidingTakesMicroseconds() {
        PolicyEngine engine = new PolicyEngine(List.of(
                rule("a", PolicyEffect.DENY, Map.of(PolicyField.NAMESPACE, List.of("kube-*", "istio-*"))),
                rule("b", PolicyEffect.REQUIRE_APPROVAL, Map.of(PolicyField.PRINCIPAL, List.of("*@contractor.com")))));
        PolicyRequest request = kubernetes("list", Risk.READ, "pods", "shop", null);
        for (int i = 0; i < 20_000; i++) {
            engine.decide(request); // warm up
        }

        int rounds = 200_000;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            engine.decide(request);
        }
        double micros = (System.nanoTime() - started) / 1000.0 / rounds;

        assertThat(micros).isLessThan(20.0); // typically well under 1 µs; generous for a loaded CI machine
    }
}
