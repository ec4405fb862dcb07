package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.SourceEvidence;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A namespace of 500 pods and 5,000 events: the evidence must still arrive well inside a 3 s budget. */
class LargeNamespaceTest {
    private static final int OTHER_PODS = 497;
    private static final int EVENTS = 5_000;

    @Test
    void fiveHundredPodsAndFiveThousandEventsAreCollectedWellUnderThreeSeconds() {
        try (MockCluster cluster = new MockCluster().seedYaml("checkout-oom.yaml")) {
            cluster.seed(crowd().toArray(HasMetadata[]::new));
            Shop.expectCheckoutLogs(cluster);
            KubernetesEvidence source = new KubernetesEvidence(cluster.access(false));
            source.collect(Shop.investigation("checkout"), Shop.context()); // JIT and class loading, once per JVM

            long best = Long.MAX_VALUE;
            SourceEvidence evidence = null;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                evidence = source.collect(Shop.investigation("checkout"), Shop.context(Duration.ofSeconds(3)));
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
                System.out.println("large collect " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }

            assertThat(evidence.gaps()).isEmpty();
            assertThat(evidence.checks())
                    .anyMatch(c -> c.what().equals("pods") && c.detail().startsWith("1 of 3 ready"));
            assertThat(best).as("best of 3 collections, ms").isLessThan(1_500);
        }
    }

    /** Other teams' pods and the events they cause, none of them about checkout. */
    private static List<HasMetadata> crowd() {
        List<HasMetadata> objects = new ArrayList<>();
        for (int i = 0; i < OTHER_PODS; i++) {
            objects.add(pod("worker-" + (i % 20), "worker-" + (i % 20) + "-7f9c5-" + i));
        }
        Instant at = Shop.NOW.minus(Duration.ofMinutes(50));
        for (int i = 0; i < EVENTS; i++) {
            String pod = "worker-" + (i % 20) + "-7f9c5-" + (i % OTHER_PODS);
            objects.add(new EventBuilder()
                    .withNewMetadata()
                    .withName(pod + "." + i)
                    .withNamespace("shop")
                    .withUid("crowd-" + i)
                    .endMetadata()
                    .withNewInvolvedObject()
                    .withKind("Pod")
                    .withName(pod)
                    .withNamespace("shop")
                    .endInvolvedObject()
                    .withType(i % 3 == 0 ? "Warning" : "Normal")
                    .withReason(i % 3 == 0 ? "Unhealthy" : "Pulled")
                    .withMessage("Readiness probe failed: HTTP probe failed with statuscode: 503 (event " + i + ")")
                    .withLastTimestamp(at.plusSeconds(i % 3000).toString())
                    .withCount(1 + i % 4)
                    .build());
        }
        return objects;
    }

    private static Pod pod(String app, String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .addToLabels("app", app)
                .withCreationTimestamp("2026-03-09T10:00:00Z")
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-" + (name.hashCode() & 7))
                .addNewContainer()
                .withName(app)
                .withImage("registry.example.com/shop/" + app + ":2.0.0")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime("2026-03-09T10:01:00Z")
                .endCondition()
                .addNewContainerStatus()
                .withName(app)
                .withReady(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-03-09T10:00:30Z")
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }
}
