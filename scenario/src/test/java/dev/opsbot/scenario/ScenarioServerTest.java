package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenarioServerTest {
    static ScenarioServer server;
    static KubernetesClient client;

    private static HttpResponse<String> raw(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(server.kubernetesUrl()).resolve(path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @BeforeAll
    static void start() {
        server = ScenarioServer.start(TestScenarios.mini());
        client = server.kubernetesClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void podsComeBackWithTheirStatusAndMetadataAsInTheFiles() {
        Pod pod = client.pods()
                .inNamespace("shop")
                .withName("checkout-5f7b8c9d6-abcde")
                .get();

        assertThat(pod.getStatus().getContainerStatuses()).hasSize(1);
        var status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getRestartCount()).isEqualTo(5);
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(pod.getMetadata().getCreationTimestamp()).isEqualTo("2026-03-10T02:31:05Z");
        assertThat(pod.getMetadata().getUid()).isEqualTo("6a1f0c3e-0000-4000-8000-00000000a001");
        assertThat(client.pods().inNamespace("shop").list().getItems()).hasSize(3);
        assertThat(client.pods()
                        .inNamespace("shop")
                        .withLabel("pod-template-hash", "5f7b8c9d6")
                        .list()
                        .getItems())
                .hasSize(2);
    }

    @Test
    void workloadsNetworkAndConfigAreServed() {
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get();
        assertThat(deployment.getStatus().getUnavailableReplicas()).isEqualTo(2);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "42");

        List<ReplicaSet> replicaSets =
                client.apps().replicaSets().inNamespace("shop").list().getItems();
        assertThat(replicaSets)
                .extracting(rs -> rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
                .containsExactlyInAnyOrder("41", "42");

        Endpoints endpoints =
                client.endpoints().inNamespace("shop").withName("checkout").get();
        assertThat(endpoints.getSubsets().get(0).getNotReadyAddresses()).hasSize(2);

        HorizontalPodAutoscaler hpa = client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace("shop")
                .withName("checkout")
                .get();
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(hpa.getStatus().getCurrentReplicas()).isEqualTo(2);

        NetworkPolicy policy = client.network()
                .networkPolicies()
                .inNamespace("shop")
                .withName("checkout-ingress")
                .get();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");

        ConfigMap config = client.configMaps()
                .inNamespace("shop")
                .withName("checkout-config")
                .get();
        assertThat(config.getData()).containsEntry("JAVA_OPTS", "-Xmx400m");
        assertThat(config.getMetadata().getManagedFields()).hasSize(1);
        assertThat(config.getMetadata().getManagedFields().get(0).getManager()).isEqualTo("kubectl-client-side-apply");
    }

    @Test
    void nodesAreClusterScoped() {
        List<Node> nodes = client.nodes().list().getItems();
        assertThat(nodes).extracting(n -> n.getMetadata().getName()).containsExactly("ip-10-0-1-23.ec2.internal");
        assertThat(nodes.get(0).getMetadata().getNamespace()).isNull();
        assertThat(client.nodes()
                        .withName("ip-10-0-1-23.ec2.internal")
                        .get()
                        .getStatus()
                        .getConditions())
                .hasSize(2);
    }

    @Test
    void eachEventsApiSeesOnlyItsOwnEvents() {
        List<Event> core = client.v1().events().inNamespace("shop").list().getItems();
        assertThat(core).extracting(Event::getReason).containsExactlyInAnyOrder("ScalingReplicaSet", "BackOff");

        List<io.fabric8.kubernetes.api.model.events.v1.Event> modern =
                client.events().v1().events().inNamespace("shop").list().getItems();
        assertThat(modern).extracting(e -> e.getReason()).containsExactly("Killing");
        assertThat(modern.get(0).getRegarding().getName()).isEqualTo("checkout-5f7b8c9d6-fghij");
    }

    @Test
    void fieldSelectorsWorkOnAnyField() {
        List<Event> warnings = client.v1()
                .events()
                .inNamespace("shop")
                .withField("involvedObject.name", "checkout-5f7b8c9d6-abcde")
                .withField("type", "Warning")
                .list()
                .getItems();
        assertThat(warnings).extracting(Event::getReason).containsExactly("BackOff");

        List<Pod> onNode = client.pods()
                .inNamespace("shop")
                .withField("spec.nodeName", "ip-10-0-1-23.ec2.internal")
                .list()
                .getItems();
        assertThat(onNode).hasSize(2);

        var modern = client.events()
                .v1()
                .events()
                .inNamespace("shop")
                .withField("regarding.kind", "Pod")
                .list()
                .getItems();
        assertThat(modern).hasSize(1);
    }

    @Test
    void unknownKindsAreServedAsGenericResources() {
        GenericKubernetesResource monitor = client.genericKubernetesResources(
                        "monitoring.coreos.com/v1", "ServiceMonitor")
                .inNamespace("shop")
                .withName("checkout")
                .get();
        assertThat(monitor).isNotNull();
        assertThat(monitor.getAdditionalProperties()).containsKey("spec");
    }

    @Test
    void logsAreServedWithTailAndPrevious() {
        String log = client.pods()
                .inNamespace("shop")
                .withName("checkout-5f7b8c9d6-abcde")
                .inContainer("checkout")
                .tailingLines(300)
                .getLog();
        assertThat(log).startsWith("2026-03-10T02:42:40.101Z INFO  Starting").contains("OutOfMemoryError");

        String tail = client.pods()
                .inNamespace("shop")
                .withName("checkout-5f7b8c9d6-abcde")
                .inContainer("checkout")
                .tailingLines(2)
                .getLog();
        assertThat(tail.lines()).hasSize(2).last().asString().contains("CartService.java:88");

        String previous = client.pods()
                .inNamespace("shop")
                .withName("checkout-5f7b8c9d6-abcde")
                .inContainer("checkout")
                .terminated()
                .getLog();
        assertThat(previous).contains("heap 127Mi of 128Mi").doesNotContain("OutOfMemoryError");

        String singleContainer = client.pods()
                .inNamespace("shop")
                .withName("checkout-7d9c6b5f4-xyz12")
                .getLog();
        assertThat(singleContainer.lines()).hasSize(2);

        String sidecar = client.pods()
                .inNamespace("shop")
                .withName("checkout-5f7b8c9d6-fghij")
                .inContainer("log-shipper")
                .getLog();
        assertThat(sidecar).contains("fluent bit");
    }

    @Test
    void theLogApiHonoursItsQueryParametersLikeTheKubelet() throws Exception {
        String log = "/api/v1/namespaces/shop/pods/checkout-5f7b8c9d6-abcde/log";

        assertThat(raw(log + "?pretty=false&tailLines=1&timestamps=true").body())
                .isEqualTo("\tat com.acme.checkout.CartService.price(CartService.java:88)\n");
        // now is 02:45:00; sinceSeconds=130 keeps 02:42:50 on, with the stack trace lines that follow their line
        assertThat(raw(log + "?sinceSeconds=130").body().lines())
                .hasSize(4)
                .first()
                .asString()
                .startsWith("2026-03-10T02:43:10.002Z WARN");
        assertThat(raw(log + "?sinceTime=2026-03-10T02:43:12Z").body().lines()).hasSize(3);
        assertThat(raw(log + "?limitBytes=10").body()).isEqualTo("2026-03-10");
        assertThat(raw(log + "?previous=true&tailLines=1").body()).contains("heap 127Mi of 128Mi");
    }

    @Test
    void theLogApiRefusesWhatTheApiServerRefuses() throws Exception {
        HttpResponse<String> noSuchPod = raw("/api/v1/namespaces/shop/pods/checkout-0/log");
        assertThat(noSuchPod.statusCode()).isEqualTo(404);
        assertThat(noSuchPod.body()).contains("\"kind\":\"Status\"").contains("pods \\\"checkout-0\\\" not found");

        HttpResponse<String> twoContainers = raw("/api/v1/namespaces/shop/pods/checkout-5f7b8c9d6-fghij/log");
        assertThat(twoContainers.statusCode()).isEqualTo(400);
        assertThat(twoContainers.body())
                .contains("a container name must be specified for pod checkout-5f7b8c9d6-fghij");

        HttpResponse<String> noSuchContainer =
                raw("/api/v1/namespaces/shop/pods/checkout-5f7b8c9d6-abcde/log?container=istio-proxy");
        assertThat(noSuchContainer.statusCode()).isEqualTo(400);

        HttpResponse<String> badNumber =
                raw("/api/v1/namespaces/shop/pods/checkout-5f7b8c9d6-abcde/log?tailLines=many");
        assertThat(badNumber.statusCode()).isEqualTo(400);
    }

    @Test
    void discoveryAnswersVersionAndGroups() throws Exception {
        assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.31");
        assertThat(raw("/apis").body()).contains("\"name\":\"apps\"").contains("\"name\":\"events.k8s.io\"");
        assertThat(raw("/apis/monitoring.coreos.com/v1").body()).contains("servicemonitors");
    }

    @Test
    void informersAndWaitsWork() throws InterruptedException {
        Pod ready = client.pods()
                .inNamespace("shop")
                .withName("checkout-7d9c6b5f4-xyz12")
                .waitUntilCondition(
                        pod -> pod != null
                                && pod.getStatus().getContainerStatuses().get(0).getReady(),
                        10,
                        TimeUnit.SECONDS);
        assertThat(ready.getMetadata().getName()).isEqualTo("checkout-7d9c6b5f4-xyz12");

        CountDownLatch coreEvents = new CountDownLatch(2);
        try (var informer = client.v1().events().inNamespace("shop").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Event event) {
                coreEvents.countDown();
            }

            @Override
            public void onUpdate(Event before, Event after) {}

            @Override
            public void onDelete(Event event, boolean unknownFinalState) {}
        })) {
            assertThat(coreEvents.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(informer.getStore().list())
                    .extracting(Event::getReason)
                    .containsExactlyInAnyOrder("ScalingReplicaSet", "BackOff");
        }
    }

    @Test
    void writesGoToTheCrudStore() {
        client.configMaps()
                .inNamespace("shop")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("written-by-a-test")
                        .endMetadata()
                        .addToData("k", "v")
                        .build())
                .create();
        assertThat(client.configMaps()
                        .inNamespace("shop")
                        .withName("written-by-a-test")
                        .get()
                        .getData())
                .containsEntry("k", "v");
        client.configMaps().inNamespace("shop").withName("written-by-a-test").delete();
    }

    @Test
    void aMissingPreviousLogIsTheApiServersError() {
        assertThatThrownBy(() -> client.pods()
                        .inNamespace("shop")
                        .withName("checkout-7d9c6b5f4-xyz12")
                        .inContainer("checkout")
                        .terminated()
                        .getLog())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining(
                        "previous terminated container \"checkout\" in pod \"checkout-7d9c6b5f4-xyz12\" not found");
    }
}
