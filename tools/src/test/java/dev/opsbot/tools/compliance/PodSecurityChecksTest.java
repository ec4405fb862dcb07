package dev.opsbot.tools.compliance;

import static dev.opsbot.tools.compliance.Pods.hardened;
import static dev.opsbot.tools.compliance.Pods.restricted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.tools.compliance.PodFinding.Level;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each Pod Security Standards control, at the level the standard puts it. */
class PodSecurityChecksTest {

    private static List<PodFinding> check(Pod pod) {
        return PodSecurityChecks.check(pod);
    }

    /** The restricted pod with its container changed. */
    private static List<PodFinding> withContainer(UnaryOperator<ContainerBuilder> change) {
        return check(restricted(
                        "checkout",
                        change.apply(hardened("app", "shop/checkout:1.4.2")).build())
                .build());
    }

    private static PodFinding finding(Level level, String check, String container, String detail) {
        return new PodFinding(level, check, container, detail);
    }

    @Test
    void aHardenedPodHasNoFindings() {
        assertThat(check(Pods.restricted("checkout"))).isEmpty();
    }

    @Test
    void hostNamespacesAreBaseline() {
        Pod pod = new PodBuilder(Pods.restricted("debug"))
                .editSpec()
                .withHostNetwork(true)
                .withHostPID(true)
                .withHostIPC(true)
                .endSpec()
                .build();

        assertThat(check(pod))
                .containsExactly(
                        finding(Level.BASELINE, "hostIPC", "", "shares the node's IPC namespace (hostIPC: true)"),
                        finding(
                                Level.BASELINE,
                                "hostNetwork",
                                "",
                                "shares the node's network namespace (hostNetwork: true)"),
                        finding(Level.BASELINE, "hostPID", "", "shares the node's process namespace (hostPID: true)"));
    }

    @Test
    void hostPathIsBaselineAndOtherVolumeTypesAreRestricted() {
        Pod pod = new PodBuilder(Pods.restricted("logs"))
                .editSpec()
                .withVolumes(
                        new VolumeBuilder()
                                .withName("varlog")
                                .withNewHostPath()
                                .withPath("/var/log")
                                .endHostPath()
                                .build(),
                        new VolumeBuilder()
                                .withName("shared")
                                .withNewNfs()
                                .withServer("nfs.internal")
                                .withPath("/exports")
                                .endNfs()
                                .build(),
                        new VolumeBuilder()
                                .withName("cache")
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .build(),
                        new VolumeBuilder()
                                .withName("settings")
                                .withNewConfigMap()
                                .withName("checkout")
                                .endConfigMap()
                                .build())
                .endSpec()
                .build();

        assertThat(check(pod))
                .containsExactly(
                        finding(Level.BASELINE, "hostPath", "", "volume varlog mounts the node's /var/log"),
                        finding(Level.RESTRICTED, "volumeType", "", "volume shared is of type nfs"));
    }

    @Test
    void privilegedAndHostPortsAreBaseline() {
        assertThat(withContainer(c -> c.editSecurityContext()
                        .withPrivileged(true)
                        .endSecurityContext()
                        .addNewPort()
                        .withContainerPort(8080)
                        .withHostPort(80)
                        .endPort()))
                .containsExactly(
                        finding(Level.BASELINE, "hostPorts", "app", "binds host ports [80]"),
                        finding(Level.BASELINE, "privileged", "app", "runs privileged"));
    }

    @Test
    void capabilitiesBeyondTheDefaultSetAreBaselineAndDefaultOnesBeyondNetBindServiceRestricted() {
        assertThat(withContainer(c -> c.editSecurityContext()
                        .editCapabilities()
                        .withAdd("SYS_ADMIN", "cap_net_raw", "CHOWN", "NET_BIND_SERVICE")
                        .withDrop("NET_ADMIN")
                        .endCapabilities()
                        .endSecurityContext()))
                .containsExactly(
                        finding(Level.BASELINE, "capabilitiesAdded", "app", "adds SYS_ADMIN, cap_net_raw"),
                        finding(
                                Level.RESTRICTED,
                                "capabilitiesAdded",
                                "app",
                                "adds CHOWN (only NET_BIND_SERVICE is allowed)"),
                        finding(Level.RESTRICTED, "capabilitiesDropped", "app", "does not drop ALL capabilities"));
    }

    @Test
    void privilegeEscalationMustBeExplicitlyOff() {
        assertThat(withContainer(c -> c.editSecurityContext()
                        .withAllowPrivilegeEscalation((Boolean) null)
                        .endSecurityContext()))
                .containsExactly(finding(
                        Level.RESTRICTED,
                        "allowPrivilegeEscalation",
                        "app",
                        "allowPrivilegeEscalation is not set (must be false)"));
    }

    @Test
    void theContainerOverridesThePodsRunAsAndSeccompSettings() {
        assertThat(withContainer(c -> c.editSecurityContext()
                        .withRunAsNonRoot(false)
                        .withRunAsUser(0L)
                        .withNewSeccompProfile()
                        .withType("Unconfined")
                        .endSeccompProfile()
                        .endSecurityContext()))
                .containsExactly(
                        finding(Level.BASELINE, "seccompProfile", "app", "seccompProfile is Unconfined"),
                        finding(Level.RESTRICTED, "runAsNonRoot", "app", "runAsNonRoot is false (must be true)"),
                        finding(Level.RESTRICTED, "runAsUser", "app", "runs as user 0 (root)"));
    }

    @Test
    void withoutAPodSecurityContextRunAsNonRootAndSeccompAreMissing() {
        Pod pod = new PodBuilder(Pods.restricted("checkout"))
                .editSpec()
                .withSecurityContext(null)
                .endSpec()
                .build();

        assertThat(check(pod))
                .containsExactly(
                        finding(Level.RESTRICTED, "runAsNonRoot", "app", "runAsNonRoot is not set (must be true)"),
                        finding(
                                Level.RESTRICTED,
                                "seccompProfile",
                                "app",
                                "no seccompProfile (must be RuntimeDefault or Localhost)"));
    }

    @Test
    void missingLimitsAndFloatingImagesAreBestPractice() {
        Pod pod = restricted(
                        "checkout",
                        hardened("app", "registry.internal:5000/shop/checkout")
                                .withResources(null)
                                .build(),
                        hardened("proxy", "envoyproxy/envoy:latest").build(),
                        hardened("pinned", "shop/tool@sha256:abc123").build())
                .build();

        assertThat(check(pod))
                .containsExactly(
                        finding(
                                Level.BEST_PRACTICE,
                                "imageTag",
                                "app",
                                "image registry.internal:5000/shop/checkout has no tag (pulls latest)"),
                        finding(Level.BEST_PRACTICE, "resourceLimits", "app", "no cpu or memory limit"),
                        finding(Level.BEST_PRACTICE, "imageTag", "proxy", "image envoyproxy/envoy:latest is :latest"));
    }

    @Test
    void initContainersAreCheckedButNeedNoLimits() {
        Pod pod = new PodBuilder(Pods.restricted("checkout"))
                .editSpec()
                .addToInitContainers(new ContainerBuilder()
                        .withName("migrate")
                        .withImage("shop/migrate:7")
                        .withNewSecurityContext()
                        .withPrivileged(true)
                        .endSecurityContext()
                        .build())
                .endSpec()
                .build();

        assertThat(check(pod))
                .extracting(PodFinding::check)
                .containsExactly("privileged", "allowPrivilegeEscalation", "capabilitiesDropped");
    }

    @Test
    void replicasOfADeploymentAreOwnedByItAcrossReplicaSets() {
        Pod replica = new PodBuilder(Pods.restricted("checkout-7d9f8b6c5-x2x9q"))
                .editMetadata()
                .addToLabels(WorkloadFindings.TEMPLATE_HASH, "7d9f8b6c5")
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withKind("ReplicaSet")
                        .withName("checkout-7d9f8b6c5")
                        .withController(true)
                        .build())
                .endMetadata()
                .build();
        Pod member = new PodBuilder(Pods.restricted("db-0"))
                .editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withKind("StatefulSet")
                        .withName("db")
                        .withController(true)
                        .build())
                .endMetadata()
                .build();

        assertThat(WorkloadFindings.ownerOf(replica)).isEqualTo("Deployment/checkout");
        assertThat(WorkloadFindings.ownerOf(member)).isEqualTo("StatefulSet/db");
        assertThat(WorkloadFindings.ownerOf(Pods.restricted("debug"))).isEqualTo("Pod/debug");
    }
}
