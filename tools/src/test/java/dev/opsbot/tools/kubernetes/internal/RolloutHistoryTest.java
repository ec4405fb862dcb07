package dev.opsbot.tools.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.FieldChange;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RolloutHistoryTest {
    private static final Deployment CHECKOUT = new DeploymentBuilder()
            .withNewMetadata()
            .withName("checkout")
            .withNamespace("shop")
            .withUid("uid-checkout")
            .endMetadata()
            .build();

    @Test
    void memoryLimitLoweredBetweenRevisions41And42IsOneFieldChange() {
        var history = RolloutHistory.of(
                CHECKOUT,
                List.of(
                        rs("checkout-42", 42, "2026-03-10T02:31:04Z", c -> c.withMemoryLimit("128Mi")),
                        rs("checkout-41", 41, "2026-03-09T10:00:00Z", c -> c)));

        assertThat(history).extracting(RolloutHistory.Revision::revision).containsExactly(41, 42);
        var newest = history.getLast();
        assertThat(newest.previous()).isEqualTo(41);
        assertThat(newest.at()).isEqualTo(Instant.parse("2026-03-10T02:31:04Z"));
        assertThat(newest.changes())
                .containsExactly(new FieldChange("checkout", "resources.limits.memory", "512Mi", "128Mi"));
        assertThat(history.getFirst().previous()).isNull();
        assertThat(history.getFirst().changes()).isEmpty();
    }

    @Test
    void imageEnvAndProbeChangesAreFieldChangesWithCompactValues() {
        List<FieldChange> changes = TemplateFields.diff(
                template(new Spec()),
                template(new Spec()
                        .withImage("checkout:1.8.0")
                        .withEnv("LOG_LEVEL", "info")
                        .withReadinessDelay(5)));

        assertThat(changes)
                .containsExactly(
                        new FieldChange("checkout", "image", "checkout:1.7.3", "checkout:1.8.0"),
                        new FieldChange("checkout", "env.LOG_LEVEL", "debug", "info"),
                        new FieldChange(
                                "checkout",
                                "readinessProbe",
                                "httpGet /healthz:8080 delay=10s period=10s timeout=1s failure=3",
                                "httpGet /healthz:8080 delay=5s period=10s timeout=1s failure=3"));
    }

    @Test
    void envValueFromASecretIsShownAsTheReferenceAndNeverResolved() {
        PodTemplateSpec before = template(new Spec());
        PodTemplateSpec after = template(new Spec());
        after.getSpec().getContainers().getFirst().getEnv().getFirst().setValue(null);
        after.getSpec()
                .getContainers()
                .getFirst()
                .getEnv()
                .getFirst()
                .setValueFrom(new EnvVarSourceBuilder()
                        .withNewSecretKeyRef()
                        .withName("checkout-db")
                        .withKey("log-level")
                        .endSecretKeyRef()
                        .build());

        assertThat(TemplateFields.diff(before, after))
                .containsExactly(
                        new FieldChange("checkout", "env.LOG_LEVEL", "debug", "secretKeyRef checkout-db/log-level"));
    }

    @Test
    void theSameQuantitySpelledDifferentlyIsNoChange() {
        assertThat(TemplateFields.diff(template(new Spec()), template(new Spec().withMemoryLimit("0.5Gi"))))
                .isEmpty();
    }

    @Test
    void podTemplateAnnotationsAndVolumesAreDiffedAtPodLevel() {
        PodTemplateSpec before = template(new Spec());
        PodTemplateSpec after = template(new Spec());
        after.getMetadata().getAnnotations().put("checksum/config", "9f2c");
        after.getSpec().getVolumes().getFirst().getConfigMap().setName("checkout-config-v2");

        assertThat(TemplateFields.diff(before, after))
                .containsExactly(
                        new FieldChange(
                                "",
                                "volumes",
                                "config=configMap checkout-config",
                                "config=configMap checkout-config-v2"),
                        new FieldChange("", "annotations.checksum/config", "41aa", "9f2c"));
    }

    @Test
    void replicaSetsOfOtherDeploymentsOrWithoutRevisionAreNotHistory() {
        ReplicaSet foreign = rs("payments-7", 7, "2026-03-10T00:00:00Z", c -> c);
        foreign.getMetadata().getOwnerReferences().getFirst().setUid("uid-payments");
        ReplicaSet unnumbered = rs("checkout-x", 1, "2026-03-10T00:00:00Z", c -> c);
        unnumbered.getMetadata().getAnnotations().clear();

        var history = RolloutHistory.of(
                CHECKOUT, List.of(foreign, unnumbered, rs("checkout-41", 41, "2026-03-09T10:00:00Z", c -> c)));

        assertThat(history).extracting(RolloutHistory.Revision::name).containsExactly("checkout-41");
    }

    @Test
    void summaryPutsLimitsFirstAndCountsTheRest() {
        List<FieldChange> changes = List.of(
                new FieldChange("checkout", "image", "a", "b"),
                new FieldChange("checkout", "env.A", "1", "2"),
                new FieldChange("checkout", "env.B", "1", "2"),
                new FieldChange("checkout", "resources.limits.memory", "512Mi", "128Mi"));

        assertThat(RolloutHistory.describe(changes, 2))
                .isEqualTo("resources.limits.memory 512Mi -> 128Mi, image a -> b (+2 more)");
    }

    /** The checkout container of revision 41, changed field by field. */
    private static final class Spec {
        private String image = "checkout:1.7.3";
        private String memoryLimit = "512Mi";
        private String logLevel = "debug";
        private int readinessDelay = 10;

        Spec withImage(String value) {
            image = value;
            return this;
        }

        Spec withMemoryLimit(String value) {
            memoryLimit = value;
            return this;
        }

        Spec withEnv(String name, String value) {
            logLevel = value;
            return this;
        }

        Spec withReadinessDelay(int seconds) {
            readinessDelay = seconds;
            return this;
        }

        Container container() {
            return new ContainerBuilder()
                    .withName("checkout")
                    .withImage(image)
                    .withNewResources()
                    .addToLimits("memory", new Quantity(memoryLimit))
                    .endResources()
                    .addNewEnv()
                    .withName("LOG_LEVEL")
                    .withValue(logLevel)
                    .endEnv()
                    .withReadinessProbe(new ProbeBuilder()
                            .withNewHttpGet()
                            .withPath("/healthz")
                            .withNewPort(8080)
                            .endHttpGet()
                            .withInitialDelaySeconds(readinessDelay)
                            .build())
                    .build();
        }
    }

    private static PodTemplateSpec template(Spec spec) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .addToLabels("app", "checkout")
                .addToAnnotations("checksum/config", "41aa")
                .endMetadata()
                .withNewSpec()
                .withContainers(spec.container())
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName("checkout-config")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build();
    }

    private static ReplicaSet rs(String name, int revision, String created, UnaryOperator<Spec> change) {
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .withCreationTimestamp(created)
                .addToAnnotations(RolloutHistory.REVISION_ANNOTATION, String.valueOf(revision))
                .addNewOwnerReference()
                .withKind("Deployment")
                .withName("checkout")
                .withUid("uid-checkout")
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withTemplate(template(change.apply(new Spec())))
                .endSpec()
                .build();
    }
}
