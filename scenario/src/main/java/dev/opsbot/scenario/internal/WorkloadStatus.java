package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The status fields the controller keeps, set as a settled rollout leaves them. */
final class WorkloadStatus {
    private WorkloadStatus() {}

    static void replicaSet(ReplicaSet replicaSet, List<Pod> pods) {
        int ready = (int) pods.stream().filter(SimulatedPods::ready).count();
        ReplicaSetStatus status = new ReplicaSetStatus();
        status.setReplicas(pods.size());
        status.setFullyLabeledReplicas(pods.size());
        status.setReadyReplicas(ready);
        status.setAvailableReplicas(ready);
        status.setObservedGeneration(replicaSet.getMetadata().getGeneration());
        replicaSet.setStatus(status);
    }

    /** Every pod of the Deployment is of {@code current}: the rollout is over, however healthy the pods are. */
    static void deployment(Deployment deployment, ReplicaSet current, List<Pod> pods, Instant at) {
        int replicas = pods.size();
        int ready = (int) pods.stream().filter(SimulatedPods::ready).count();
        DeploymentStatus old = deployment.getStatus();
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(deployment.getMetadata().getGeneration());
        status.setReplicas(replicas);
        status.setUpdatedReplicas(replicas);
        status.setReadyReplicas(ready);
        status.setAvailableReplicas(ready);
        status.setUnavailableReplicas(replicas == ready ? null : replicas - ready);
        List<DeploymentCondition> conditions = new ArrayList<>();
        boolean available = ready >= replicas;
        conditions.add(condition(
                old,
                "Available",
                available,
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                at));
        conditions.add(condition(
                old,
                "Progressing",
                true,
                "NewReplicaSetAvailable",
                "ReplicaSet \"" + current.getMetadata().getName() + "\" has successfully progressed.",
                at));
        status.setConditions(conditions);
        deployment.setStatus(status);
    }

    private static DeploymentCondition condition(
            DeploymentStatus old, String type, boolean value, String reason, String message, Instant at) {
        String status = value ? "True" : "False";
        String since = at.toString();
        if (old != null && old.getConditions() != null) {
            for (DeploymentCondition before : old.getConditions()) {
                if (type.equals(before.getType()) && status.equals(before.getStatus())) {
                    since = before.getLastTransitionTime();
                }
            }
        }
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastUpdateTime(at.toString())
                .withLastTransitionTime(since)
                .build();
    }
}
