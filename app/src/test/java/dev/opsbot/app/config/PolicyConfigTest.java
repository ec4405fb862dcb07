package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import org.junit.jupiter.api.Test;

/** The policy section: rules read from YAML, every mistake refused at start with its key, value and fix. */
class PolicyConfigTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static PolicyConfig read(String yaml) {
        try {
            ConfigNode root = ConfigNode.root((ObjectNode) YAML.readTree(yaml));
            PolicyConfig config = PolicyConfig.from(root.section("policy"));
            root.rejectUnknown();
            return config;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PolicyRequest listPods(String namespace) {
        return new PolicyRequest("kubernetes", "list", Risk.READ, "pods", namespace, null, "production", null);
    }

    @Test
    void noSectionMeansTheDefaultsOnly() {
        PolicyConfig config = read("{}");

        assertThat(config).isEqualTo(PolicyConfig.defaults());
        assertThat(config.engine().rules()).hasSize(9);
    }

    @Test
    void rulesAreReadInOrderAndComeBetweenTheDefaults() {
        PolicyConfig config = read("""
                policy:
                  rules:
                    - name: no-kube-system
                      effect: deny
                      reason: opsbot stays out of the control plane
                      when:
                        system: [kubernetes]
                        namespace: [kube-*, istio-system]
                    - name: payments-logs-need-approval
                      effect: require_approval
                      reason: payment logs may hold card data
                      when:
                        resource: [pods/log]
                        namespace: [payments]
                """);

        assertThat(config.rules())
                .extracting(rule -> rule.name() + ":" + rule.effect())
                .containsExactly("no-kube-system:DENY", "payments-logs-need-approval:REQUIRE_APPROVAL");
        assertThat(config.engine().decide(listPods("kube-system")))
                .isEqualTo(new PolicyDecision.Deny("no-kube-system", "opsbot stays out of the control plane"));
        assertThat(config.engine().decide(listPods("shop")).rule()).isEqualTo("reads-allowed");
    }

    @Test
    void anAllowForReadsIsAccepted() {
        PolicyConfig config = read("""
                policy:
                  rules:
                    - name: reads-in-shop
                      effect: allow
                      reason: the shop namespace is ours
                      when: {risk: [read], namespace: [shop]}
                """);

        assertThat(config.rules().getFirst().effect()).isEqualTo(PolicyEffect.ALLOW);
    }

    @Test
    void aMisspeltFieldIsRefusedWithTheKeyItProbablyMeant() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - name: no-kube-system
                              effect: deny
                              reason: r
                              when: {namspace: [kube-system]}
                        """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("policy.rules[0].when.namspace: is not a known key;"
                        + " did you mean policy.rules[0].when.namespace?");
    }

    @Test
    void anUnknownEffectIsRefusedListingTheEffects() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: refuse, reason: r}
                        """))
                .hasMessage("policy.rules[0].effect: \"refuse\" is not an effect; use one of allow, deny,"
                        + " require_approval");
    }

    @Test
    void aMisspeltRiskIsRefusedNamingTheValuesThatExist() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: deny, reason: r, when: {risk: [read, wirte]}}
                        """))
                .hasMessage("policy.rules[0].when.risk[1]: \"wirte\" matches none of read, write, destructive;"
                        + " correct the spelling; patterns ignore case");
    }

    @Test
    void aKubernetesRuleWithAnActionThatIsNoVerbIsRefused() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: deny, reason: r, when: {system: [kubernetes], action: [remove]}}
                        """))
                .hasMessageStartingWith("policy.rules[0].when.action[0]: \"remove\" matches none of get, list, watch,");
    }

    @Test
    void aFieldWrittenAsOneValueIsRefusedAskingForAList() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: deny, reason: r, when: {namespace: kube-system}}
                        """))
                .hasMessage("policy.rules[0].when.namespace: \"kube-system\" is not a list;"
                        + " write [a, b] or one \"- item\" per line");
    }

    @Test
    void anEmptyListIsRefusedBecauseItMatchesNothing() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: deny, reason: r, when: {namespace: []}}
                        """))
                .hasMessage("policy.rules[0].when.namespace: is an empty list, which matches nothing;"
                        + " list patterns, or remove policy.rules[0].when.namespace");
    }

    @Test
    void anAllowThatCouldMatchAWriteIsRefusedBecauseApprovalIsNotConfigurable() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: bob-may-scale, effect: allow, reason: r, when: {principal: [bob@example.com]}}
                        """))
                .hasMessage("policy.rules[0].effect: \"allow\" would let writes run without an approved proposal,"
                        + " because the rule is not limited to reads; add risk: [read] under policy.rules[0].when,"
                        + " or use require_approval");
    }

    @Test
    void aRuleCannotTakeADefaultRulesName() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: no-exec, effect: deny, reason: r}
                        """))
                .hasMessage("policy.rules[0].name: \"no-exec\" is the name of a default rule, which always applies"
                        + " and cannot be replaced; choose another name");
    }

    @Test
    void twoRulesCannotShareAName() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: no-kube, effect: deny, reason: r, when: {namespace: [kube-system]}}
                            - {name: no-kube, effect: deny, reason: r, when: {namespace: [kube-public]}}
                        """))
                .hasMessage("policy.rules[1].name: \"no-kube\" is already the name of policy.rules[0];"
                        + " give each rule its own name: refusals name the rule that refused");
    }

    @Test
    void aRuleNeedsANameAndAReason() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {effect: deny, reason: r}
                        """))
                .hasMessage("policy.rules[0].name: is not set; name the rule, such as no-kube-system");
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: quiet, effect: deny}
                        """))
                .hasMessageStartingWith("policy.rules[0].reason: is not set; say in one sentence why");
    }

    @Test
    void aBadRuleNameIsRefused() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: No Kube, effect: deny, reason: r}
                        """))
                .hasMessage("policy.rules[0].name: \"No Kube\" is not a rule name; use lower-case letters, digits"
                        + " and '-', such as no-kube-system");
    }

    @Test
    void anUnknownKeyOfARuleOrOfTheSectionIsRefused() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules:
                            - {name: x, effect: deny, reason: r, whne: {}}
                        """))
                .hasMessageStartingWith("policy.rules[0].whne: is not a known key; did you mean policy.rules[0].when?");
        assertThatThrownBy(() -> read("""
                        policy:
                          rule: []
                        """))
                .hasMessageStartingWith("policy.rule: is not a known key; did you mean policy.rules?");
    }

    @Test
    void rulesMustBeAList() {
        assertThatThrownBy(() -> read("""
                        policy:
                          rules: {name: x}
                        """)).hasMessageStartingWith("policy.rules: is not a list");
    }
}
