package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ReplicaSet for a template no ReplicaSet has yet, labelled and annotated as the Deployment controller does. */
final class NewReplicaSets {
    private NewReplicaSets() {}

    static ReplicaSet of(Deployment deployment, int revision, Instant at) {
        PodTemplateSpec template =
                FabricJson.mapper().convertValue(deployment.getSpec().getTemplate(), PodTemplateSpec.class);
        String hash = TemplateHash.of(template);
        String name = deployment.getMetadata().getName() + "-" + hash;
        String namespace = deployment.getMetadata().getNamespace();
        Map<String, String> labels = new LinkedHashMap<>(
                template.getMetadata().getLabels() == null
                        ? Map.of()
                        : template.getMetadata().getLabels());
        labels.put(TemplateHash.LABEL, hash);
        template.getMetadata().setLabels(labels);
        Map<String, String> selector = new LinkedHashMap<>(
                deployment.getSpec().getSelector() == null
                                || deployment.getSpec().getSelector().getMatchLabels() == null
                        ? Map.of()
                        : deployment.getSpec().getSelector().getMatchLabels());
        selector.put(TemplateHash.LABEL, hash);
        int replicas = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas));
        annotations.put("deployment.kubernetes.io/max-replicas", String.valueOf(replicas + (replicas + 3) / 4));
        annotations.put(DeploymentController.REVISION, String.valueOf(revision));
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withUid(SimulatedPods.uid("replicaset/" + namespace + "/" + name))
                .withCreationTimestamp(at.toString())
                .withGeneration(1L)
                .withLabels(labels)
                .withAnnotations(annotations)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(deployment.getMetadata().getName())
                        .withUid(deployment.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withSelector(new LabelSelector(null, selector))
                .withTemplate(template)
                .endSpec()
                .build();
    }
}
