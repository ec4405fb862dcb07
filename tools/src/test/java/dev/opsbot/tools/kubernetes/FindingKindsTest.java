package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One fault at a time in an otherwise healthy namespace, and the finding it must produce. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingKindsTest {
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
    void healthyNamespaceHasNoFindingsAndOnlyNormalChecks() {
        SourceEvidence evidence = collect();
        assertThat(evidence.findings()).isEmpty();
        assertThat(evidence.changes()).isEmpty();
        assertThat(evidence.gaps()).isEmpty();
        assertThat(evidence.checks()).allMatch(c -> c.normal(), "all normal");
        assertThat(evidence.checks())
                .extracting(c -> c.what() + ": " + c.detail())
                .contains(
                        "pods: 2 of 2 ready, 0 restarts",
                        "rollouts: none in the window",
                        "node conditions: normal on 2 nodes",
                        "service endpoints: 2 ready",
                        "HPA: 2 of 6 replicas",
                        "events: no warnings",
                        "config: 2 referenced ConfigMaps/Secrets unchanged in the window",
                        "network policies: none select the workload's pods");
    }

    @Test
    void imagePullBackOffIsAnImagePullFailureDatedByItsEvent() {
        waiting(
                fixture.pod("aaaaa"),
                "ImagePullBackOff",
                "Back-off pulling image \"registry.example.com/shop/checkout:2.1.0\"");
        fixture.event(
                "Pod",
                "checkout-6f7d8c9b5a-aaaaa",
                "Warning",
                "Failed",
                "Failed to pull image \"registry.example.com/shop/checkout:2.1.0\": manifest unknown",
                "2026-03-10T02:40:00Z",
                3);

        Finding finding = only(FindingKind.IMAGE_PULL_FAILURE);
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:40:00Z"));
        assertThat(finding.attributes())
                .containsEntry("container", "checkout")
                .containsEntry("reason", "ImagePullBackOff")
                .containsEntry("image", "registry.example.com/shop/checkout:2.0.0");
    }

    @Test
    void createContainerConfigErrorNamesTheMissingSecret() {
        waiting(fixture.pod("aaaaa"), "CreateContainerConfigError", "secret \"checkout-db\" not found");

        Finding finding = only(FindingKind.MISSING_CONFIG_OBJECT);
        assertThat(finding.attributes()).containsEntry("kind", "Secret").containsEntry("object", "checkout-db");
        assertThat(finding.detail())
                .isEqualTo(
                        "pod checkout-6f7d8c9b5a-aaaaa container checkout cannot start: secret checkout-db not found");
    }

    @Test
    void missingConfigMapKeyInAnEventIsAMissingConfigObject() {
        fixture.event(
                "Pod",
                "checkout-6f7d8c9b5a-bbbbb",
                "Warning",
                "Failed",
                "Error: couldn't find key DB_URL in ConfigMap shop/checkout-config",
                "2026-03-10T02:41:00Z",
                4);

        Finding finding = only(FindingKind.MISSING_CONFIG_OBJECT);
        assertThat(finding.attributes())
                .containsEntry("kind", "ConfigMap")
                .containsEntry("object", "checkout-config")
                .containsEntry("key", "DB_URL");
        assertThat(finding.subject()).isEqualTo(ObjectRef.of("Pod", "shop", "checkout-6f7d8c9b5a-bbbbb"));
    }

    @Test
    void failedMountOfAMissingConfigMapIsAMissingConfigObjectNotAMountFailure() {
        fixture.event(
                "Pod",
                "checkout-6f7d8c9b5a-bbbbb",
                "Warning",
                "FailedMount",
                "MountVolume.SetUp failed for volume \"config\" : configmap \"checkout-config\" not found",
                "2026-03-10T02:41:00Z",
                4);

        assertThat(only(FindingKind.MISSING_CONFIG_OBJECT).attributes()).containsEntry("object", "checkout-config");
        assertThat(findings(FindingKind.MOUNT_FAILURE)).isEmpty();
    }

    @Test
    void failedMountIsAMountFailureNamingTheVolume() {
        fixture.event(
                "Pod",
                "checkout-6f7d8c9b5a-bbbbb",
                "Warning",
                "FailedMount",
                "MountVolume.SetUp failed for volume \"data\" : rpc error: code = Internal desc = mount failed: exit status 32",
                "2026-03-10T02:42:00Z",
                7);

        Finding finding = only(FindingKind.MOUNT_FAILURE);
        assertThat(finding.attributes()).containsEntry("volume", "data");
        assertThat(finding.attribute("message")).contains("exit status 32");
    }

    @Test
    void podThatCannotBeScheduledIsUnschedulableSinceItsConditionChanged() {
        Pod pending = new PodBuilder(fixture.pod("aaaaa"))
                .editMetadata()
                .withName("checkout-6f7d8c9b5a-ccccc")
                .endMetadata()
                .editSpec()
                .withNodeName(null)
                .endSpec()
                .editStatus()
                .withPhase("Pending")
                .withContainerStatuses()
                .withConditions(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage("0/2 nodes are available: 2 Insufficient memory.")
                        .withLastTransitionTime("2026-03-10T02:39:00Z")
                        .build())
                .endStatus()
                .build();
        fixture.add(pending);

        Finding finding = only(FindingKind.UNSCHEDULABLE);
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:39:00Z"));
        assertThat(finding.attribute("message")).isEqualTo("0/2 nodes are available: 2 Insufficient memory.");
    }

    @Test
    void failedSchedulingEventOfAPodAlreadyGoneIsUnschedulable() {
        fixture.event(
                "Pod",
                "checkout-6f7d8c9b5a-zzzzz",
                "Warning",
                "FailedScheduling",
                "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: batch}.",
                "2026-03-10T02:30:00Z",
                9);

        assertThat(only(FindingKind.UNSCHEDULABLE).subject().name()).isEqualTo("checkout-6f7d8c9b5a-zzzzz");
    }

    @Test
    void evictedPodIsEvictedAndItsNodeUnderMemoryPressureIsANodeCondition() {
        Pod evicted = fixture.pod("bbbbb");
        evicted.getStatus().setPhase("Failed");
        evicted.getStatus().setReason("Evicted");
        evicted.getStatus()
                .setMessage("The node was low on resource: memory. Threshold quantity: 100Mi, available: 62Mi.");
        fixture.node("node-2")
                .getStatus()
                .getConditions()
                .set(0, condition("MemoryPressure", "True", "KubeletHasInsufficientMemory", "2026-03-10T02:30:00Z"));

        SourceEvidence evidence = collect();
        Finding eviction = only(evidence, FindingKind.EVICTED);
        assertThat(eviction.attributes()).containsEntry("node", "node-2");
        assertThat(eviction.attribute("reason")).startsWith("The node was low on resource: memory.");
        Finding pressure = only(evidence, FindingKind.NODE_CONDITION);
        assertThat(pressure.subject()).isEqualTo(ObjectRef.of("Node", "", "node-2"));
        assertThat(pressure.at()).isEqualTo(Instant.parse("2026-03-10T02:30:00Z"));
        assertThat(pressure.attributes()).containsEntry("condition", "MemoryPressure");
        assertThat(evidence.checks()).anyMatch(c -> !c.normal() && c.detail().equals("MemoryPressure on node-2"));
    }

    @Test
    void nodeWhoseReadyIsUnknownIsANotReadyNodeCondition() {
        fixture.node("node-1")
                .getStatus()
                .getConditions()
                .set(1, condition("Ready", "Unknown", "NodeStatusUnknown", "2026-03-10T02:38:00Z"));

        Finding finding = only(FindingKind.NODE_CONDITION);
        assertThat(finding.attributes()).containsEntry("condition", "NotReady");
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:38:00Z"));
    }

    @Test
    void serviceWithoutReadyEndpointsIsNoEndpointsSinceThePodsWentUnready() {
        for (String pod : List.of("aaaaa", "bbbbb")) {
            var ready = fixture.pod(pod).getStatus().getConditions().get(1);
            ready.setStatus("False");
            ready.setLastTransitionTime(pod.equals("aaaaa") ? "2026-03-10T02:36:00Z" : "2026-03-10T02:37:30Z");
        }
        fixture.remove(Endpoints.class, "checkout")
                .add(new EndpointsBuilder()
                        .withNewMetadata()
                        .withName("checkout")
                        .withNamespace("shop")
                        .endMetadata()
                        .addNewSubset()
                        .addNewNotReadyAddress()
                        .withIp("10.0.1.10")
                        .endNotReadyAddress()
                        .addNewNotReadyAddress()
                        .withIp("10.0.2.10")
                        .endNotReadyAddress()
                        .endSubset()
                        .build());

        Finding finding = only(FindingKind.NO_ENDPOINTS);
        assertThat(finding.subject()).isEqualTo(ObjectRef.of("Service", "shop", "checkout"));
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:37:30Z"));
        assertThat(finding.attributes()).containsEntry("service", "checkout").containsEntry("notReady", "2");
    }

    @Test
    void hpaAtItsMaximumThatWantsMoreIsHpaAtMaxSinceScalingWasLimited() {
        var hpa = fixture.hpa();
        hpa.getStatus().setCurrentReplicas(6);
        hpa.getStatus().setDesiredReplicas(6);
        hpa.getStatus()
                .getConditions()
                .add(new HorizontalPodAutoscalerConditionBuilder()
                        .withType("ScalingLimited")
                        .withStatus("True")
                        .withReason("TooManyReplicas")
                        .withMessage("the desired replica count is more than the maximum replica count")
                        .withLastTransitionTime("2026-03-10T02:36:00Z")
                        .build());

        Finding finding = only(FindingKind.HPA_AT_MAX);
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:36:00Z"));
        assertThat(finding.attributes())
                .containsEntry("current", "6")
                .containsEntry("max", "6")
                .containsEntry("desired", "6");
        assertThat(finding.subject()).isEqualTo(ObjectRef.of("HorizontalPodAutoscaler", "shop", "checkout"));
    }

    @Test
    void hpaThatCannotReadItsMetricsIsHpaFailing() {
        var active = fixture.hpa().getStatus().getConditions().get(1);
        active.setStatus("False");
        active.setReason("FailedGetResourceMetric");
        active.setMessage("the HPA was unable to compute the replica count: failed to get cpu utilization");
        active.setLastTransitionTime("2026-03-10T02:35:00Z");

        Finding finding = only(FindingKind.HPA_FAILING);
        assertThat(finding.attributes()).containsEntry("reason", "FailedGetResourceMetric");
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:35:00Z"));
    }

    @Test
    void containerThatExitedWithAnErrorInTheWindowIsACrashLoop() {
        var status = fixture.pod("aaaaa").getStatus().getContainerStatuses().getFirst();
        status.setRestartCount(1);
        status.setLastState(new ContainerStateBuilder()
                .withNewTerminated()
                .withReason("Error")
                .withExitCode(1)
                .withFinishedAt("2026-03-10T02:41:00Z")
                .endTerminated()
                .build());

        Finding finding = only(FindingKind.CRASH_LOOP);
        assertThat(finding.attributes()).containsEntry("reason", "Error").containsEntry("exitCode", "1");
        assertThat(finding.at()).isEqualTo(Instant.parse("2026-03-10T02:41:00Z"));
    }

    @Test
    void oomKillLongBeforeTheWindowOfAHealthyContainerIsNotAFinding() {
        var status = fixture.pod("aaaaa").getStatus().getContainerStatuses().getFirst();
        status.setRestartCount(1);
        status.setLastState(new ContainerStateBuilder()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .withFinishedAt("2026-03-08T02:41:00Z")
                .endTerminated()
                .build());

        assertThat(findings(FindingKind.OOM_KILLED)).isEmpty();
    }

    private static void waiting(Pod pod, String reason, String message) {
        var status = pod.getStatus().getContainerStatuses().getFirst();
        status.setReady(false);
        status.setState(new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .build());
    }

    private static NodeCondition condition(String type, String status, String reason, String since) {
        return new NodeConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withLastTransitionTime(since)
                .build();
    }

    private SourceEvidence collect() {
        fixture.seed(cluster);
        return source.collect(Shop.investigation("checkout"), Shop.context());
    }

    private Finding only(FindingKind kind) {
        return only(collect(), kind);
    }

    private static Finding only(SourceEvidence evidence, FindingKind kind) {
        List<Finding> found =
                evidence.findings().stream().filter(f -> f.kind() == kind).toList();
        assertThat(found).as(kind + " in " + evidence.findings()).hasSize(1);
        return found.getFirst();
    }

    private List<Finding> findings(FindingKind kind) {
        return collect().findings().stream().filter(f -> f.kind() == kind).toList();
    }
}
