package dev.opsbot.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/kubernetes renders, in every overlay, to the workload docs/operations.md asks for: two replicas behind
 * the Service on port 8080, probes on the ops endpoints, a non-root container on a read-only filesystem, resource
 * requests, replicas spread over nodes with a disruption budget, and (in production) a ServiceMonitor. Secrets,
 * identity and the configuration file: {@link KubernetesAccessIT}.
 */
class KubernetesManifestsIT {
    static final String OVERLAYS = "dev.opsbot.app.deploy.Kustomize#overlayNames";

    @Test
    void theDevAndProductionOverlaysExist() {
        assertThat(Kustomize.overlayNames()).contains("dev", "production");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void everyObjectIsLabelledAndInTheOverlaysNamespace(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        String namespace = overlay.namespace();

        assertThat(overlay.objects()).isNotEmpty();
        for (JsonNode object : overlay.objects()) {
            JsonNode metadata = object.path("metadata");
            String what =
                    object.path("kind").asText() + "/" + metadata.path("name").asText();
            assertThat(metadata.path("labels").path("app.kubernetes.io/part-of").asText())
                    .as(what)
                    .isEqualTo("opsbot");
            assertThat(metadata.path("labels").path("app.kubernetes.io/name").asText())
                    .as(what)
                    .isNotEmpty();
            if (!RenderedOverlay.CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                assertThat(metadata.path("namespace").asText()).as(what).isEqualTo(namespace);
            }
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void twoReplicasServePort8080WithProbesOnTheOpsEndpoints(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        JsonNode container = overlay.container();
        JsonNode service = overlay.named("Service", "opsbot").orElseThrow();

        assertThat(overlay.deployment().path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(probe(container, "livenessProbe")).isEqualTo("/healthz on http");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/readyz on http");
        assertThat(probe(container, "startupProbe")).isEqualTo("/healthz on http");
        assertThat(service.path("spec").path("ports").get(0).path("name").asText())
                .isEqualTo("http");
        assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
                .isEqualTo(8080);
        assertThat(overlay.podLabels())
                .containsAllEntriesOf(selector(service.path("spec").path("selector")));
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void theContainerRunsAsNonRootOnAReadOnlyFilesystem(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        JsonNode pod = overlay.podSpec();
        JsonNode security = overlay.container().path("securityContext");

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(65532);
        assertThat(pod.path("securityContext")
                        .path("seccompProfile")
                        .path("type")
                        .asText())
                .isEqualTo("RuntimeDefault");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(texts(security.path("capabilities").path("drop"))).contains("ALL");
        assertThat(overlay.emptyDirMounts()).contains("/tmp");
        // the Service named opsbot would otherwise put OPSBOT_PORT=tcp://... into the pod: opsbot's port variable
        assertThat(pod.path("enableServiceLinks").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void resourcesAreRequestedAndTheHeapFollowsTheLimit(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        JsonNode resources = overlay.container().path("resources");

        assertThat(resources.path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(resources.path("requests").path("memory").asText()).isNotEmpty();
        assertThat(resources.path("limits").path("memory").asText()).isNotEmpty();
        assertThat(overlay.literalEnv().get("JAVA_TOOL_OPTIONS"))
                .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void productionPinsItsImage() {
        String image = Kustomize.overlay("production").container().path("image").asText();

        assertThat(image).as("a registry, and a tag or digest").matches(".+/.+(:[\\w.-]+|@sha256:[0-9a-f]{64})");
        assertThat(image).doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void replicasSpreadOverNodesAndOneStaysUpThroughADrain(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        JsonNode budget = overlay.one("PodDisruptionBudget").path("spec");
        JsonNode byNode = overlay.spreadBy("kubernetes.io/hostname");

        assertThat(budget.path("minAvailable").asInt()).isEqualTo(1);
        assertThat(overlay.podLabels())
                .containsAllEntriesOf(selector(budget.path("selector").path("matchLabels")));
        assertThat(overlay.podLabels())
                .containsAllEntriesOf(selector(byNode.path("labelSelector").path("matchLabels")));
    }

    @Test
    void productionNeverSchedulesBothReplicasOnOneNode() {
        JsonNode byNode = Kustomize.overlay("production").spreadBy("kubernetes.io/hostname");

        assertThat(byNode.path("whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
    }

    @Test
    void productionIsScrapedByAServiceMonitor() {
        RenderedOverlay production = Kustomize.overlay("production");
        JsonNode monitor = production.one("ServiceMonitor");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);

        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(RenderedOverlay.strings(
                        production.one("Service").path("metadata").path("labels")))
                .containsAllEntriesOf(
                        selector(monitor.path("spec").path("selector").path("matchLabels")));
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + " on " + get.path("port").asText();
    }

    private static Map<String, String> selector(JsonNode matchLabels) {
        Map<String, String> labels = RenderedOverlay.strings(matchLabels);
        assertThat(labels).as("a selector").isNotEmpty();
        return labels;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
