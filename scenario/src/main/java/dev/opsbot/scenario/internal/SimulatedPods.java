package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pods the simulated controller starts for a ReplicaSet: from its template, either healthy (Running, Ready, no
 * restarts, since the moment of the rollout) or in the state of a sibling running the same pods — new pods of a
 * template that crashes crash too.
 */
final class SimulatedPods {
    private SimulatedPods() {}

    /** A pod of {@code replicaSet} on {@code node}: healthy when {@code like} is null, else in {@code like}'s state. */
    static Pod start(ReplicaSet replicaSet, String name, String node, Pod like, Instant at, int index) {
        var template = replicaSet.getSpec().getTemplate();
        Map<String, String> labels =
                new LinkedHashMap<>(mapOrEmpty(template.getMetadata().getLabels()));
        String hash = replicaSet.getMetadata().getLabels().get(TemplateHash.LABEL);
        labels.put(TemplateHash.LABEL, hash);
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(replicaSet.getMetadata().getNamespace())
                .withGenerateName(replicaSet.getMetadata().getName() + "-")
                .withUid(uid(replicaSet.getMetadata().getNamespace() + "/" + name))
                .withCreationTimestamp(at.toString())
                .withLabels(labels)
                .withAnnotations(template.getMetadata().getAnnotations())
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName(replicaSet.getMetadata().getName())
                        .withUid(replicaSet.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withSpec(FabricJson.mapper().convertValue(template.getSpec(), PodSpec.class))
                .build();
        pod.getSpec().setNodeName(node);
        String ip = "10.42." + (200 + index % 50) + "." + (10 + Math.floorMod(name.hashCode(), 240));
        pod.setStatus(like == null ? healthy(pod, at, ip) : likeSibling(like, ip));
        return pod;
    }

    static String uid(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static PodStatus healthy(Pod pod, Instant at, String ip) {
        String time = at.toString();
        List<PodCondition> conditions = new ArrayList<>();
        for (String type :
                List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")) {
            conditions.add(new PodConditionBuilder()
                    .withType(type)
                    .withStatus("True")
                    .withLastTransitionTime(time)
                    .build());
        }
        List<ContainerStatus> containers = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            containers.add(new ContainerStatusBuilder()
                    .withName(container.getName())
                    .withImage(container.getImage())
                    .withReady(true)
                    .withStarted(true)
                    .withRestartCount(0)
                    .withNewState()
                    .withNewRunning()
                    .withStartedAt(time)
                    .endRunning()
                    .endState()
                    .build());
        }
        return new PodStatusBuilder()
                .withPhase("Running")
                .withConditions(conditions)
                .withContainerStatuses(containers)
                .withPodIP(ip)
                .withStartTime(time)
                .build();
    }

    private static PodStatus likeSibling(Pod sibling, String ip) {
        PodStatus status = FabricJson.mapper().convertValue(sibling.getStatus(), PodStatus.class);
        if (status == null) {
            status = new PodStatus();
        }
        status.setPodIP(ip);
        status.setPodIPs(null);
        return status;
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static <K, V> Map<K, V> mapOrEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
