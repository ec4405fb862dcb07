package dev.opsbot.tools.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpecBuilder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NetworkPolicySummaryTest {

    @Test
    void egressOnlyToTheDatabaseForgetsDns() {
        NetworkPolicy policy = policy(spec -> spec.withPolicyTypes("Egress")
                .addNewEgress()
                .addNewTo()
                .withNewPodSelector()
                .addToMatchLabels("app", "db")
                .endPodSelector()
                .endTo()
                .addNewPort()
                .withNewPort(5432)
                .endPort()
                .endEgress());

        assertThat(NetworkPolicySummary.summary(policy))
                .isEqualTo("egress allowed only to app=db on 5432; DNS (53) not allowed");
    }

    @Test
    void egressThatAlsoAllowsPort53ToKubeSystemAllowsDns() {
        NetworkPolicy policy = policy(spec -> spec.withPolicyTypes("Egress")
                .addNewEgress()
                .addNewTo()
                .withNewPodSelector()
                .addToMatchLabels("app", "db")
                .endPodSelector()
                .endTo()
                .addNewPort()
                .withNewPort(5432)
                .endPort()
                .endEgress()
                .addNewEgress()
                .addNewTo()
                .withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", "kube-system")
                .endNamespaceSelector()
                .endTo()
                .addNewPort()
                .withProtocol("UDP")
                .withNewPort(53)
                .endPort()
                .endEgress());

        assertThat(NetworkPolicySummary.egress(policy))
                .isEqualTo("egress allowed only to app=db on 5432 or namespaces"
                        + " kubernetes.io/metadata.name=kube-system on 53/UDP");
    }

    @Test
    void egressTypeWithoutRulesDeniesEverything() {
        assertThat(NetworkPolicySummary.summary(policy(spec -> spec.withPolicyTypes("Egress"))))
                .isEqualTo("all egress denied; DNS (53) not allowed");
    }

    @Test
    void withoutPolicyTypesOnlyIngressIsRestrictedUnlessThereAreEgressRules() {
        NetworkPolicy ingressOnly = policy(spec -> spec.addNewIngress()
                .addNewFrom()
                .withNewPodSelector()
                .addToMatchLabels("app", "frontend")
                .endPodSelector()
                .endFrom()
                .addNewPort()
                .withNewPort(8080)
                .endPort()
                .endIngress());

        assertThat(NetworkPolicySummary.summary(ingressOnly))
                .isEqualTo("ingress allowed only from app=frontend on 8080");
        assertThat(NetworkPolicySummary.restrictsEgress(ingressOnly)).isFalse();
    }

    @Test
    void anIngressRuleWithoutPeersOrPortsAllowsEverything() {
        NetworkPolicy open =
                policy(spec -> spec.withPolicyTypes("Ingress").addNewIngress().endIngress());

        assertThat(NetworkPolicySummary.ingress(open)).isEqualTo("ingress allowed from anywhere");
    }

    @Test
    void ipBlocksAndPortRangesAreRendered() {
        NetworkPolicy policy = policy(spec -> spec.withPolicyTypes("Egress")
                .addNewEgress()
                .addNewTo()
                .withNewIpBlock()
                .withCidr("10.0.0.0/8")
                .withExcept("10.1.0.0/16")
                .endIpBlock()
                .endTo()
                .addNewPort()
                .withNewPort(8000)
                .withEndPort(8100)
                .endPort()
                .endEgress());

        assertThat(NetworkPolicySummary.egress(policy))
                .isEqualTo("egress allowed only to 10.0.0.0/8 except 10.1.0.0/16 on 8000-8100; DNS (53) not allowed");
    }

    private static NetworkPolicy policy(UnaryOperator<NetworkPolicySpecBuilder> spec) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("shop")
                .endMetadata()
                .withSpec(spec.apply(new NetworkPolicySpecBuilder()
                                .withNewPodSelector()
                                .endPodSelector())
                        .build())
                .build();
    }
}
