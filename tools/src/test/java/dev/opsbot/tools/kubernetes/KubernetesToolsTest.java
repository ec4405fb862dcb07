package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolRegistry;
import dev.opsbot.core.tool.ToolResult;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each read tool against the OOM incident, plus a crowded namespace for the caps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private MockCluster cluster;
    private ToolRegistry tools;

    @BeforeAll
    void start() {
        cluster = new MockCluster().seedYaml("checkout-oom.yaml");
        cluster.seed(crowd().toArray(HasMetadata[]::new));
        cluster.seed(
                new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("data-postgres-0")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withStorageClassName("gp3")
                        .withAccessModes("ReadWriteOnce")
                        .withVolumeName("pvc-1234")
                        .withNewResources()
                        .addToRequests("storage", new Quantity("10Gi"))
                        .endResources()
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Bound")
                        .addToCapacity("storage", new Quantity("10Gi"))
                        .endStatus()
                        .build(),
                new NetworkPolicyBuilder()
                        .withNewMetadata()
                        .withName("checkout-egress")
                        .withNamespace("shop")
                        .withCreationTimestamp("2026-03-10T02:30:00Z")
                        .endMetadata()
                        .withNewSpec()
                        .withNewPodSelector()
                        .addToMatchLabels("app", "checkout")
                        .endPodSelector()
                        .withPolicyTypes("Egress")
                        .addNewEgress()
                        .addNewTo()
                        .withNewPodSelector()
                        .addToMatchLabels("app", "db")
                        .endPodSelector()
                        .endTo()
                        .addNewPort()
                        .withNewPort(5432)
                        .endPort()
                        .endEgress()
                        .endSpec()
                        .build(),
                new PodBuilder()
                        .withNewMetadata()
                        .withName("sidecar-pod")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("app")
                        .endContainer()
                        .addNewContainer()
                        .withName("proxy")
                        .endContainer()
                        .endSpec()
                        .build());
        Shop.expectCheckoutLogs(cluster);
        tools = new ToolRegistry(KubernetesTools.readTools(cluster.access(true)));
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void everyToolIsAReadOnlyKubernetesToolWithAnObjectSchema() {
        assertThat(tools.specs())
                .extracting(s -> s.name())
                .containsExactly(
                        "kubernetes.list_pods",
                        "kubernetes.describe_deployment",
                        "kubernetes.rollout_history",
                        "kubernetes.list_replicasets",
                        "kubernetes.list_events",
                        "kubernetes.describe_service",
                        "kubernetes.list_hpas",
                        "kubernetes.list_nodes",
                        "kubernetes.list_pvcs",
                        "kubernetes.list_network_policies",
                        "kubernetes.list_configmaps",
                        "kubernetes.pod_logs");
        assertThat(tools.specs()).allSatisfy(spec -> {
            assertThat(spec.risk()).isEqualTo(Risk.READ);
            assertThat(spec.domain()).isEqualTo("kubernetes");
            assertThat(spec.parameters().path("additionalProperties").asBoolean(true))
                    .isFalse();
        });
    }

    @Test
    void listPodsShowsContainerStatesAndLastTerminationTroubledFirst() {
        JsonNode data = success("list_pods", "{\"namespace\":\"shop\",\"selector\":\"app=checkout\"}");

        JsonNode first = data.path("pods").get(0);
        assertThat(first.path("name").asText()).isEqualTo("checkout-7d9f8b6c4d-abc12");
        assertThat(first.path("node").asText()).isEqualTo("node-1");
        JsonNode container = first.path("containers").get(0);
        assertThat(container.path("restarts").asInt()).isEqualTo(6);
        assertThat(container.at("/state/waiting/reason").asText()).isEqualTo("CrashLoopBackOff");
        assertThat(container.at("/lastTerminated/reason").asText()).isEqualTo("OOMKilled");
        assertThat(container.at("/lastTerminated/exitCode").asInt()).isEqualTo(137);
        assertThat(container.at("/lastTerminated/finishedAt").asText()).isEqualTo("2026-03-10T02:43:05Z");
        assertThat(data.path("pods")
                        .get(2)
                        .at("/containers/0/state/running/since")
                        .asText())
                .isEqualTo("2026-03-10T02:44:00Z");
        assertThat(data.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void listPodsReturnsAtMostFiftyAndSaysItWasTruncated() {
        JsonNode data = success("list_pods", "{\"namespace\":\"crowd\"}");

        assertThat(data.path("pods")).hasSize(50);
        assertThat(data.path("total").asInt()).isEqualTo(60);
        assertThat(data.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void rolloutHistoryIsNewestFirstAsDiffsFromTheRevisionBefore() {
        JsonNode data = success("rollout_history", "{\"namespace\":\"shop\",\"name\":\"checkout\"}");

        JsonNode newest = data.path("revisions").get(0);
        assertThat(newest.path("revision").asInt()).isEqualTo(42);
        assertThat(newest.path("previousRevision").asInt()).isEqualTo(41);
        assertThat(newest.path("createdAt").asText()).isEqualTo("2026-03-10T02:31:04Z");
        assertThat(changes(newest))
                .contains(
                        "checkout resources.limits.memory 512Mi -> 128Mi",
                        "checkout image registry.example.com/shop/checkout:1.7.3 -> registry.example.com/shop/checkout:1.8.0",
                        "checkout env.LOG_LEVEL debug -> info",
                        "checkout readinessProbe httpGet /healthz:8080 delay=10s period=10s timeout=1s failure=3"
                                + " -> httpGet /healthz:8080 delay=5s period=10s timeout=1s failure=3");
        assertThat(changes(data.path("revisions").get(1)))
                .containsExactly(
                        "checkout image registry.example.com/shop/checkout:1.7.2 -> registry.example.com/shop/checkout:1.7.3");
        assertThat(data.path("revisions").get(2).path("baseline").asBoolean()).isTrue();
    }

    @Test
    void rolloutHistoryLimitCapsTheRevisions() {
        JsonNode data = success("rollout_history", "{\"namespace\":\"shop\",\"name\":\"checkout\",\"limit\":1}");

        assertThat(data.path("revisions")).hasSize(1);
        assertThat(data.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void describeDeploymentRendersProbesCompactlyAndEnvReferencesUnresolved() {
        ToolResult result = call("describe_deployment", "{\"namespace\":\"shop\",\"name\":\"checkout\"}");
        JsonNode data = ((ToolResult.Success) result).data();

        assertThat(((ToolResult.Success) result).summary())
                .startsWith("Deployment shop/checkout: revision 42 at 02:31 (resources.limits.memory 512Mi -> 128Mi, ");
        assertThat(data.path("currentRevision").asInt()).isEqualTo(42);
        assertThat(data.at("/replicas/ready").asInt()).isEqualTo(1);
        JsonNode container = data.path("containers").get(0);
        assertThat(container.path("readinessProbe").asText())
                .isEqualTo("httpGet /healthz:8080 delay=5s period=10s timeout=1s failure=3");
        assertThat(container.path("livenessProbe").asText())
                .isEqualTo("httpGet /livez:http delay=0s period=10s timeout=1s failure=3");
        assertThat(container.at("/env/DB_PASSWORD").asText()).isEqualTo("secretKeyRef checkout-db/password");
        assertThat(container.path("envFrom").asText()).isEqualTo("configMapRef checkout-config");
        assertThat(container.at("/resources/limits.memory").asText()).isEqualTo("128Mi");
        assertThat(data.path("history")).hasSize(3);
    }

    @Test
    void unknownDeploymentIsNotFound() {
        assertThat(call("describe_deployment", "{\"namespace\":\"shop\",\"name\":\"chekout\"}"))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.NOT_FOUND, "deployment shop/chekout not found"));
    }

    @Test
    void listReplicaSetsOfADeploymentIsNewestFirst() {
        JsonNode data = success("list_replicasets", "{\"namespace\":\"shop\",\"deployment\":\"checkout\"}");

        assertThat(data.path("replicaSets").findValuesAsText("revision")).containsExactly("42", "41", "40");
        assertThat(data.path("replicaSets").get(0).at("/images/checkout").asText())
                .isEqualTo("registry.example.com/shop/checkout:1.8.0");
    }

    @Test
    void listEventsMergesBothEventApisNewestFirstAndFiltersByObject() {
        JsonNode data = success(
                "list_events", "{\"namespace\":\"shop\",\"kind\":\"Pod\",\"name\":\"checkout-7d9f8b6c4d-def34\"}");

        assertThat(data.path("events")).hasSize(1);
        JsonNode liveness = data.path("events").get(0);
        assertThat(liveness.path("at").asText()).isEqualTo("2026-03-10T02:42:30Z");
        assertThat(liveness.path("message").asText())
                .isEqualTo("Liveness probe failed: HTTP probe failed with statuscode: 500");
        assertThat(liveness.path("count").asInt()).isEqualTo(4);

        JsonNode all = success("list_events", "{\"namespace\":\"shop\",\"warningsOnly\":true}");
        List<String> times = all.path("events").findValuesAsText("at");
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.path("events").findValuesAsText("type")).containsOnly("Warning");
    }

    @Test
    void listEventsReturnsAtMostOneHundred() {
        JsonNode data = success("list_events", "{\"namespace\":\"crowd\"}");

        assertThat(data.path("events")).hasSize(100);
        assertThat(data.path("total").asInt()).isEqualTo(150);
        assertThat(data.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void describeServiceSplitsEndpointsIntoReadyAndNotReady() {
        JsonNode data = success("describe_service", "{\"namespace\":\"shop\",\"name\":\"checkout\"}");

        assertThat(data.path("selector").asText()).isEqualTo("app=checkout");
        assertThat(data.path("ports").get(0).asText()).isEqualTo("http 80->8080/TCP");
        assertThat(data.at("/endpoints/readyCount").asInt()).isEqualTo(1);
        assertThat(data.at("/endpoints/notReadyCount").asInt()).isEqualTo(2);
        assertThat(data.at("/endpoints/ready/0").asText()).isEqualTo("10.0.1.7 (checkout-7d9f8b6c4d-ghi56)");
        assertThat(data.at("/endpoints/source").asText()).isEqualTo("Endpoints");
    }

    @Test
    void listHpasShowsReplicasMetricsAndConditions() {
        JsonNode hpa =
                success("list_hpas", "{\"namespace\":\"shop\"}").path("hpas").get(0);

        assertThat(hpa.path("target").asText()).isEqualTo("Deployment/checkout");
        assertThat(List.of(
                        hpa.path("min").asInt(),
                        hpa.path("max").asInt(),
                        hpa.path("current").asInt()))
                .containsExactly(3, 10, 3);
        assertThat(hpa.path("metrics").get(0).asText()).isEqualTo("cpu 35%/70%");
        assertThat(hpa.path("conditions").findValuesAsText("type"))
                .containsExactly("AbleToScale", "ScalingActive", "ScalingLimited");
    }

    @Test
    void listNodesShowsConditionsWithTransitionTimesAndAllocatable() {
        JsonNode node =
                success("list_nodes", "{\"name\":\"node-1\"}").path("nodes").get(0);

        assertThat(node.path("ready").asBoolean()).isTrue();
        assertThat(node.at("/allocatable/memory").asText()).isEqualTo("14Gi");
        assertThat(node.path("conditions").get(0).path("lastTransitionTime").asText())
                .isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void listPvcsShowsPhaseCapacityAndStorageClass() {
        JsonNode pvc =
                success("list_pvcs", "{\"namespace\":\"shop\"}").path("pvcs").get(0);

        assertThat(pvc.path("phase").asText()).isEqualTo("Bound");
        assertThat(pvc.path("capacity").asText()).isEqualTo("10Gi");
        assertThat(pvc.path("storageClass").asText()).isEqualTo("gp3");
    }

    @Test
    void listNetworkPoliciesSummarisesWhatTheyAllow() {
        JsonNode policy = success("list_network_policies", "{\"namespace\":\"shop\"}")
                .path("networkPolicies")
                .get(0);

        assertThat(policy.path("podSelector").asText()).isEqualTo("app=checkout");
        assertThat(policy.path("summary").asText())
                .isEqualTo("egress allowed only to app=db on 5432; DNS (53) not allowed");
        assertThat(policy.path("changedAt").asText()).isEqualTo("2026-03-10T02:30:00Z");
    }

    @Test
    void listConfigMapsShowsKeysButNotValuesAndTheChangeTimeFromManagedFields() {
        JsonNode data = success("list_configmaps", "{\"namespace\":\"shop\"}");
        JsonNode configMap = data.path("configMaps").get(0);

        assertThat(configMap.path("name").asText()).isEqualTo("checkout-config");
        assertThat(StreamSupport.stream(configMap.path("keys").spliterator(), false)
                        .map(JsonNode::asText))
                .containsExactly("FEATURE_FLAGS", "PAYMENTS_URL");
        assertThat(configMap.path("createdAt").asText()).isEqualTo("2026-02-01T12:00:00Z");
        assertThat(configMap.path("changedAt").asText()).isEqualTo("2026-03-10T02:20:00Z");
        assertThat(configMap.path("changedBy").asText()).isEqualTo("kubectl-edit");
        assertThat(data.toString()).doesNotContain("new-cart");
    }

    @Test
    void podLogsReadsThePreviousContainerOfACrashLoopingPod() {
        String path = "/api/v1/namespaces/shop/pods/checkout-7d9f8b6c4d-abc12/log?container=checkout&previous=true"
                + "&tailLines=50&limitBytes=65536&timestamps=true";
        cluster.server
                .expect()
                .get()
                .withPath(path)
                .andReturn(200, "2026-03-10T02:43:04.9Z java.lang.OutOfMemoryError: Java heap space\n")
                .always();

        JsonNode data = success(
                "pod_logs",
                "{\"namespace\":\"shop\",\"pod\":\"checkout-7d9f8b6c4d-abc12\",\"previous\":true,\"tailLines\":50}");

        assertThat(data.path("container").asText()).isEqualTo("checkout");
        assertThat(data.path("lines").get(0).asText()).endsWith("java.lang.OutOfMemoryError: Java heap space");
        assertThat(data.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void podLogsWithoutAPreviousContainerIsNoData() {
        String path = "/api/v1/namespaces/shop/pods/checkout-7d9f8b6c4d-ghi56/log?container=checkout&previous=true"
                + "&tailLines=100&limitBytes=65536&timestamps=true";
        cluster.server
                .expect()
                .get()
                .withPath(path)
                .andReturn(
                        400,
                        new StatusBuilder()
                                .withCode(400)
                                .withMessage(
                                        "previous terminated container \"checkout\" in pod \"checkout-7d9f8b6c4d-ghi56\" not found")
                                .build())
                .always();

        ToolResult result =
                call("pod_logs", "{\"namespace\":\"shop\",\"pod\":\"checkout-7d9f8b6c4d-ghi56\",\"previous\":true}");

        assertThat(result).isInstanceOf(ToolResult.NoData.class);
        assertThat(((ToolResult.NoData) result).reason())
                .startsWith("no previous log for pod checkout-7d9f8b6c4d-ghi56");
    }

    @Test
    void podLogsOfAPodWithSeveralContainersAsksWhichOne() {
        assertThat(call("pod_logs", "{\"namespace\":\"shop\",\"pod\":\"sidecar-pod\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "pod sidecar-pod has containers app, proxy: name one"));
    }

    @Test
    void refusalOfTheApiServerIsAnErrorResultNamingThePermission() {
        cluster.server
                .expect()
                .get()
                .withPath("/api/v1/namespaces/payments/pods")
                .andReturn(403, EvidenceGapsTest.forbidden("pods"))
                .always();

        assertThat(call("list_pods", "{\"namespace\":\"payments\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "this identity lacks permission list pods in namespace payments"));
    }

    @Test
    void argumentsThatAreNotKubernetesNamesAreBadRequests() {
        assertThat(call("list_pods", "{\"namespace\":\"shop/../kube-system\"}"))
                .isInstanceOfSatisfying(
                        ToolResult.Error.class, e -> assertThat(e.kind()).isEqualTo(SourceFailure.Kind.BAD_REQUEST));
        assertThat(call("rollout_history", "{\"namespace\":\"shop\"}"))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.BAD_REQUEST, "argument 'name' is required"));
    }

    private JsonNode success(String tool, String arguments) {
        ToolResult result = call(tool, arguments);
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    private ToolResult call(String tool, String arguments) {
        Tool found = tools.find("kubernetes." + tool).orElseThrow();
        try {
            return found.call(Shop.context(), JSON.readTree(arguments));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> changes(JsonNode revision) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode change : revision.path("changes")) {
            rendered.add(change.path("container").asText() + " "
                    + change.path("field").asText() + " "
                    + change.path("before").asText() + " -> "
                    + change.path("after").asText());
        }
        return rendered;
    }

    /** A namespace of 60 pods and 150 events, more than the tools return. */
    private static List<HasMetadata> crowd() {
        List<HasMetadata> objects = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            objects.add(new PodBuilder()
                    .withNewMetadata()
                    .withName("worker-" + i)
                    .withNamespace("crowd")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("worker")
                    .endContainer()
                    .endSpec()
                    .build());
        }
        for (int i = 0; i < 150; i++) {
            objects.add(new EventBuilder()
                    .withNewMetadata()
                    .withName("worker." + i)
                    .withNamespace("crowd")
                    .endMetadata()
                    .withNewInvolvedObject()
                    .withKind("Pod")
                    .withName("worker-" + (i % 60))
                    .endInvolvedObject()
                    .withType("Normal")
                    .withReason("Pulled")
                    .withMessage("Successfully pulled image")
                    .withLastTimestamp(Shop.NOW.minusSeconds(i).toString())
                    .build());
        }
        return objects;
    }
}
