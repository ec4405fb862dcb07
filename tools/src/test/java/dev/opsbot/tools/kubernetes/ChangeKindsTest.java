package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Changes other than rollouts: NetworkPolicies, Secrets, scaling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeKindsTest {
    private MockCluster cluster;
    private KubernetesEvidence source;
    private Fixture fixture;

    @BeforeAll
    void start() {
        cluster = new MockCluster();
        source = new KubernetesEvidence(cluster.access(false));
    }

    @BeforeEach
    void healthyNamespace() throws InterruptedException {
        cluster.reset();
        fixture = Fixture.healthy();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void networkPolicyCreatedInTheWindowThatSelectsThePodsIsANetworkPolicyChange() {
        fixture.add(egressOnlyToTheDatabase("lockdown", "app", "checkout", "2026-03-10T02:30:00Z"));
        fixture.add(egressOnlyToTheDatabase("reports-lockdown", "app", "reports", "2026-03-10T02:30:00Z"));

        ChangeEvent change = only(collect(), ChangeKind.NETWORK_POLICY);
        assertThat(change.at()).isEqualTo(Instant.parse("2026-03-10T02:30:00Z"));
        assertThat(change.target()).isEqualTo(ObjectRef.of("NetworkPolicy", "shop", "lockdown"));
        assertThat(change.detail())
                .isEqualTo("network policy lockdown created (selects app=checkout): egress allowed"
                        + " only to app=db on 5432; DNS (53) not allowed");
    }

    @Test
    void networkPolicySelectingAllPodsChangedInTheWindowIsDatedByItsManagedFields() {
        NetworkPolicy policy = egressOnlyToTheDatabase("default-deny", null, null, "2026-02-01T00:00:00Z");
        policy.getMetadata()
                .setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("argocd-controller")
                        .withOperation("Apply")
                        .withTime("2026-03-10T02:25:00Z")
                        .build()));
        fixture.add(policy);

        ChangeEvent change = only(collect(), ChangeKind.NETWORK_POLICY);
        assertThat(change.at()).isEqualTo(Instant.parse("2026-03-10T02:25:00Z"));
        assertThat(change.detail()).startsWith("network policy default-deny changed (selects (all pods)): ");
    }

    @Test
    void secretChangedInTheWindowIsASecretChangeThatNamesKeysButNoValues() {
        Secret secret = fixture.get(Secret.class, "checkout-tls");
        secret.getMetadata()
                .setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("cert-manager")
                        .withOperation("Update")
                        .withTime("2026-03-10T02:10:00Z")
                        .build()));

        SourceEvidence evidence = collect();
        ChangeEvent change = only(evidence, ChangeKind.SECRET_CHANGE);
        assertThat(change.at()).isEqualTo(Instant.parse("2026-03-10T02:10:00Z"));
        assertThat(change.target()).isEqualTo(ObjectRef.of("Secret", "shop", "checkout-tls"));
        assertThat(change.detail()).isEqualTo("secret checkout-tls changed by cert-manager (keys: tls.crt, tls.key)");
        assertThat(evidence.toString()).doesNotContain("LS0tLS1CRUdJTi", "BEGIN CERTIFICATE");
    }

    @Test
    void hpaRescaleAndAManualScaleAreScaleChangesButTheRescalesOwnEchoIsNot() {
        fixture.event(
                "HorizontalPodAutoscaler",
                "checkout",
                "Normal",
                "SuccessfulRescale",
                "New size: 5; reason: cpu resource utilization (percentage of request) above target",
                "2026-03-10T02:20:00Z",
                1);
        fixture.event(
                "Deployment",
                "checkout",
                "Normal",
                "ScalingReplicaSet",
                "Scaled up replica set checkout-6f7d8c9b5a to 5 from 2",
                "2026-03-10T02:20:01Z",
                1);
        fixture.event(
                "Deployment",
                "checkout",
                "Normal",
                "ScalingReplicaSet",
                "Scaled up replica set checkout-6f7d8c9b5a to 8 from 5",
                "2026-03-10T02:30:00Z",
                1);

        List<ChangeEvent> scales = collect().changes().stream()
                .filter(c -> c.kind() == ChangeKind.SCALE)
                .toList();

        assertThat(scales)
                .extracting(
                        ChangeEvent::at, ChangeEvent::detail, c -> c.fields().getFirst())
                .containsExactly(
                        tuple(
                                Instant.parse("2026-03-10T02:20:00Z"),
                                "HPA checkout rescaled to 5: New size: 5; reason: cpu resource utilization (percentage"
                                        + " of request) above target",
                                new FieldChange("", "replicas", "", "5")),
                        tuple(
                                Instant.parse("2026-03-10T02:30:00Z"),
                                "replica set checkout-6f7d8c9b5a scaled up to 8",
                                new FieldChange("", "replicas", "5", "8")));
        assertThat(scales.getFirst().author()).isEqualTo("HorizontalPodAutoscaler/checkout");
    }

    /** A policy selecting pods with {@code key=value} (all pods when key is null) that only lets them reach the db. */
    private static NetworkPolicy egressOnlyToTheDatabase(String name, String key, String value, String created) {
        var builder = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .withCreationTimestamp(created)
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Egress")
                .addNewEgress()
                .addNewTo()
                .withNewPodSelector()
                .addToMatchLabels("app", "db")
                .endPodSelector()
                .endTo()
                .addNewPort()
                .withProtocol("TCP")
                .withNewPort(5432)
                .endPort()
                .endEgress()
                .endSpec();
        NetworkPolicy policy = builder.build();
        if (key != null) {
            policy.getSpec().getPodSelector().setMatchLabels(MockCluster.map(key, value));
        }
        return policy;
    }

    private SourceEvidence collect() {
        fixture.seed(cluster);
        return source.collect(Shop.investigation("checkout"), Shop.context());
    }

    private static ChangeEvent only(SourceEvidence evidence, ChangeKind kind) {
        List<ChangeEvent> changes =
                evidence.changes().stream().filter(c -> c.kind() == kind).toList();
        assertThat(changes).as(kind + " in " + evidence.changes()).hasSize(1);
        return changes.getFirst();
    }
}
