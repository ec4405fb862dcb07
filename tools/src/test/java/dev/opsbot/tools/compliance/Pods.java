package dev.opsbot.tools.compliance;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** Pods for the pod security tests: one that meets the restricted standard, and ways to spoil it. */
final class Pods {
    private Pods() {}

    /** A container that meets the restricted standard and the best practices. */
    static ContainerBuilder hardened(String name, String image) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(image)
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .withNewResources()
                .addToLimits("cpu", new Quantity("500m"))
                .addToLimits("memory", new Quantity("256Mi"))
                .endResources();
    }

    /** A pod that meets the restricted standard: runs as non-root with the runtime's seccomp profile. */
    static PodBuilder restricted(String name, Container... containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withContainers(containers)
                .endSpec();
    }

    static Pod restricted(String name) {
        return restricted(name, hardened("app", "shop/" + name + ":1.4.2").build())
                .build();
    }
}
