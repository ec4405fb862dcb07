package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.List;

/** The Kubernetes objects of a generated {@link Workload}, as a cluster would show them: all ready. */
final class WorkloadObjects {
    private WorkloadObjects() {}

    static Deployment deployment(Workload w) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(w.name())
                .withNamespace(w.namespace())
                .withUid(w.deploymentUid())
                .withCreationTimestamp(w.created().toString())
                .withLabels(w.labels())
                .addToAnnotations("deployment.kubernetes.io/revision", w.revision())
                .endMetadata()
                .withNewSpec()
                .withReplicas(w.replicas())
                .withNewSelector()
                .withMatchLabels(w.labels())
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(w.labels())
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(w.name())
                .withImage(w.image())
                .withNewResources()
                .addToLimits("memory", new Quantity("512Mi"))
                .addToRequests("cpu", new Quantity("100m"))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(w.replicas())
                .withReadyReplicas(w.replicas())
                .withAvailableReplicas(w.replicas())
                .withUpdatedReplicas(w.replicas())
                .withObservedGeneration(Long.valueOf(w.revision()))
                .endStatus()
                .build();
    }

    static ReplicaSet replicaSet(Workload w) {
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(w.replicaSetName())
                .withNamespace(w.namespace())
                .withUid(w.replicaSetUid())
                .withCreationTimestamp(w.rolledOut().toString())
                .withLabels(w.podLabels())
                .addToAnnotations("deployment.kubernetes.io/revision", w.revision())
                .withOwnerReferences(owner("Deployment", w.name(), w.deploymentUid()))
                .endMetadata()
                .withNewSpec()
                .withReplicas(w.replicas())
                .withNewSelector()
                .withMatchLabels(w.podLabels())
                .endSelector()
                .endSpec()
                .withNewStatus()
                .withReplicas(w.replicas())
                .withReadyReplicas(w.replicas())
                .withAvailableReplicas(w.replicas())
                .endStatus()
                .build();
    }

    static Service service(Workload w) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(w.name())
                .withNamespace(w.namespace())
                .withLabels(w.labels())
                .endMetadata()
                .withNewSpec()
                .withSelector(w.labels())
                .addNewPort()
                .withName("http")
                .withPort(80)
                .endPort()
                .endSpec()
                .build();
    }

    static Endpoints endpoints(Workload w, List<Pod> pods) {
        var subset = new EndpointsBuilder()
                .withNewMetadata()
                .withName(w.name())
                .withNamespace(w.namespace())
                .endMetadata()
                .addNewSubset();
        for (Pod pod : pods) {
            subset.addNewAddress()
                    .withIp(pod.getStatus().getPodIP())
                    .withNewTargetRef()
                    .withKind("Pod")
                    .withName(pod.getMetadata().getName())
                    .withNamespace(w.namespace())
                    .endTargetRef()
                    .endAddress();
        }
        return subset.addNewPort()
                .withName("http")
                .withPort(8080)
                .endPort()
                .endSubset()
                .build();
    }

    /** A running, ready pod of the workload's ReplicaSet. */
    static Pod pod(Workload w, String name, String uid, String node, String ip, Instant started, int restarts) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(w.namespace())
                .withUid(uid)
                .withCreationTimestamp(w.rolledOut().toString())
                .withLabels(w.podLabels())
                .withOwnerReferences(owner("ReplicaSet", w.replicaSetName(), w.replicaSetUid()))
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName(w.name())
                .withImage(w.image())
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withPodIP(ip)
                .withStartTime(started.toString())
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime(started.toString())
                .endCondition()
                .addNewContainerStatus()
                .withName(w.name())
                .withImage(w.image())
                .withReady(true)
                .withStarted(true)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .withStartedAt(started.toString())
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static OwnerReference owner(String kind, String name, String uid) {
        return new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind(kind)
                .withName(name)
                .withUid(uid)
                .withController(true)
                .build();
    }
}
