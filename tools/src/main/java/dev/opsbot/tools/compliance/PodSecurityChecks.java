package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.tools.compliance.PodFinding.Level;
import dev.opsbot.tools.http.Json;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Pod Security Standards' controls (https://kubernetes.io/docs/concepts/security/pod-security-standards/), checked
 * on one pod's spec as the admission controller would: container settings fall back to the pod's security context.
 * Baseline: host namespaces, privileged, capabilities beyond the default set, hostPath volumes, host ports, an
 * Unconfined seccomp profile. Restricted, on top: volume types, allowPrivilegeEscalation, runAsNonRoot, runAsUser 0,
 * seccomp profile set, dropping ALL capabilities and adding none but NET_BIND_SERVICE. Best practice, outside the
 * standards: CPU and memory limits, an image pinned by tag or digest (not {@code latest}).
 */
final class PodSecurityChecks {
    /** What baseline lets a container add: the container runtime's default set. */
    static final Set<String> BASELINE_CAPABILITIES = Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");

    static final Set<String> RESTRICTED_CAPABILITIES = Set.of("NET_BIND_SERVICE");
    static final Set<String> RESTRICTED_VOLUMES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    /** A container of any kind, as the checks see it. */
    private record ContainerView(
            String name,
            boolean regular,
            String image,
            SecurityContext context,
            List<ContainerPort> ports,
            ResourceRequirements resources) {}

    private PodSecurityChecks() {}

    static List<PodFinding> check(Pod pod) {
        List<PodFinding> findings = new ArrayList<>();
        PodSpec spec = pod.getSpec();
        if (spec == null) {
            return findings;
        }
        hostNamespaces(spec, findings);
        volumes(spec, findings);
        PodSecurityContext podContext = spec.getSecurityContext();
        for (ContainerView container : containers(spec)) {
            container(container, podContext, findings);
        }
        findings.sort(PodFinding.ORDER);
        return findings;
    }

    private static void hostNamespaces(PodSpec spec, List<PodFinding> findings) {
        if (Boolean.TRUE.equals(spec.getHostNetwork())) {
            findings.add(pod(Level.BASELINE, "hostNetwork", "shares the node's network namespace (hostNetwork: true)"));
        }
        if (Boolean.TRUE.equals(spec.getHostPID())) {
            findings.add(pod(Level.BASELINE, "hostPID", "shares the node's process namespace (hostPID: true)"));
        }
        if (Boolean.TRUE.equals(spec.getHostIPC())) {
            findings.add(pod(Level.BASELINE, "hostIPC", "shares the node's IPC namespace (hostIPC: true)"));
        }
    }

    private static void volumes(PodSpec spec, List<PodFinding> findings) {
        for (Volume volume : nonNull(spec.getVolumes())) {
            if (volume.getHostPath() != null) {
                findings.add(pod(
                        Level.BASELINE,
                        "hostPath",
                        "volume " + volume.getName() + " mounts the node's "
                                + volume.getHostPath().getPath()));
                continue;
            }
            String type = volumeType(volume);
            if (!type.isEmpty() && !RESTRICTED_VOLUMES.contains(type)) {
                findings.add(pod(Level.RESTRICTED, "volumeType", "volume " + volume.getName() + " is of type " + type));
            }
        }
    }

    /** The volume's source field ({@code nfs}, {@code emptyDir}), read from its JSON so every type is covered. */
    private static String volumeType(Volume volume) {
        JsonNode json = Json.mapper().valueToTree(volume);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("name") && !json.get(name).isNull()) {
                return name;
            }
        }
        return "";
    }

    private static void container(ContainerView container, PodSecurityContext pod, List<PodFinding> findings) {
        SecurityContext context = container.context() == null ? new SecurityContext() : container.context();
        String name = container.name();
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            findings.add(new PodFinding(Level.BASELINE, "privileged", name, "runs privileged"));
        }
        List<Integer> hostPorts = container.ports().stream()
                .map(ContainerPort::getHostPort)
                .filter(port -> port != null && port != 0)
                .toList();
        if (!hostPorts.isEmpty()) {
            findings.add(new PodFinding(Level.BASELINE, "hostPorts", name, "binds host ports " + hostPorts));
        }
        capabilities(name, context.getCapabilities(), findings);
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            findings.add(new PodFinding(
                    Level.RESTRICTED,
                    "allowPrivilegeEscalation",
                    name,
                    "allowPrivilegeEscalation is "
                            + (context.getAllowPrivilegeEscalation() == null ? "not set" : "true")
                            + " (must be false)"));
        }
        runAs(name, context, pod, findings);
        seccomp(name, context, pod, findings);
        if (container.regular()) {
            limits(name, container.resources(), findings);
        }
        image(name, container.image(), findings);
    }

    private static void capabilities(String container, Capabilities capabilities, List<PodFinding> findings) {
        List<String> added = capabilities == null ? List.of() : nonNull(capabilities.getAdd());
        List<String> beyondBaseline = added.stream()
                .filter(cap -> !BASELINE_CAPABILITIES.contains(normal(cap)))
                .toList();
        List<String> beyondRestricted = added.stream()
                .filter(cap -> BASELINE_CAPABILITIES.contains(normal(cap)))
                .filter(cap -> !RESTRICTED_CAPABILITIES.contains(normal(cap)))
                .toList();
        if (!beyondBaseline.isEmpty()) {
            findings.add(new PodFinding(
                    Level.BASELINE, "capabilitiesAdded", container, "adds " + String.join(", ", beyondBaseline)));
        }
        if (!beyondRestricted.isEmpty()) {
            findings.add(new PodFinding(
                    Level.RESTRICTED,
                    "capabilitiesAdded",
                    container,
                    "adds " + String.join(", ", beyondRestricted) + " (only NET_BIND_SERVICE is allowed)"));
        }
        List<String> dropped = capabilities == null ? List.of() : nonNull(capabilities.getDrop());
        if (dropped.stream().noneMatch(cap -> normal(cap).equals("ALL"))) {
            findings.add(new PodFinding(
                    Level.RESTRICTED, "capabilitiesDropped", container, "does not drop ALL capabilities"));
        }
    }

    /** {@code cap_sys_admin} and {@code SYS_ADMIN} are the same capability. */
    private static String normal(String capability) {
        String upper = capability.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }

    private static void runAs(
            String container, SecurityContext context, PodSecurityContext pod, List<PodFinding> findings) {
        Boolean nonRoot = either(context, pod, SecurityContext::getRunAsNonRoot, PodSecurityContext::getRunAsNonRoot);
        Long user = either(context, pod, SecurityContext::getRunAsUser, PodSecurityContext::getRunAsUser);
        if (!Boolean.TRUE.equals(nonRoot)) {
            findings.add(new PodFinding(
                    Level.RESTRICTED,
                    "runAsNonRoot",
                    container,
                    "runAsNonRoot is " + (nonRoot == null ? "not set" : "false") + " (must be true)"));
        }
        if (user != null && user == 0) {
            findings.add(new PodFinding(Level.RESTRICTED, "runAsUser", container, "runs as user 0 (root)"));
        }
    }

    private static void seccomp(
            String container, SecurityContext context, PodSecurityContext pod, List<PodFinding> findings) {
        SeccompProfile profile =
                either(context, pod, SecurityContext::getSeccompProfile, PodSecurityContext::getSeccompProfile);
        String type = profile == null ? null : profile.getType();
        if (type == null || type.isBlank()) {
            findings.add(new PodFinding(
                    Level.RESTRICTED,
                    "seccompProfile",
                    container,
                    "no seccompProfile (must be RuntimeDefault or Localhost)"));
        } else if (type.equals("Unconfined")) {
            findings.add(new PodFinding(Level.BASELINE, "seccompProfile", container, "seccompProfile is Unconfined"));
        }
    }

    private static void limits(String container, ResourceRequirements resources, List<PodFinding> findings) {
        var limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        List<String> missing = new ArrayList<>();
        for (String resource : List.of("cpu", "memory")) {
            if (!limits.containsKey(resource)) {
                missing.add(resource);
            }
        }
        if (!missing.isEmpty()) {
            findings.add(new PodFinding(
                    Level.BEST_PRACTICE, "resourceLimits", container, "no " + String.join(" or ", missing) + " limit"));
        }
    }

    private static void image(String container, String image, List<PodFinding> findings) {
        if (image == null || image.isBlank() || image.contains("@")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            findings.add(new PodFinding(
                    Level.BEST_PRACTICE, "imageTag", container, "image " + image + " has no tag (pulls latest)"));
        } else if (image.substring(colon + 1).equals("latest")) {
            findings.add(new PodFinding(Level.BEST_PRACTICE, "imageTag", container, "image " + image + " is :latest"));
        }
    }

    private static <T> T either(
            SecurityContext container,
            PodSecurityContext pod,
            Function<SecurityContext, T> own,
            Function<PodSecurityContext, T> inherited) {
        T value = own.apply(container);
        return value != null || pod == null ? value : inherited.apply(pod);
    }

    private static List<ContainerView> containers(PodSpec spec) {
        List<ContainerView> views = new ArrayList<>();
        for (Container c : nonNull(spec.getInitContainers())) {
            views.add(view(c, false));
        }
        for (Container c : nonNull(spec.getContainers())) {
            views.add(view(c, true));
        }
        for (EphemeralContainer c : nonNull(spec.getEphemeralContainers())) {
            views.add(new ContainerView(
                    c.getName(), false, c.getImage(), c.getSecurityContext(), nonNull(c.getPorts()), c.getResources()));
        }
        return views;
    }

    private static ContainerView view(Container c, boolean regular) {
        return new ContainerView(
                c.getName(), regular, c.getImage(), c.getSecurityContext(), nonNull(c.getPorts()), c.getResources());
    }

    private static PodFinding pod(Level level, String check, String detail) {
        return new PodFinding(level, check, "", detail);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
