package dev.opsbot.tools.compliance;

import static dev.opsbot.tools.compliance.Pods.hardened;
import static dev.opsbot.tools.compliance.Pods.restricted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compliance.pod_security} against fabric8's mock API server: a namespace with a privileged Deployment (three
 * replicas, one patched by hand), a debug pod on the host network, and a StatefulSet that meets the restricted
 * standard; read as alice, impersonated.
 */
@EnableKubernetesMockClient(crud = true)
class PodSecurityToolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal ALICE = new Principal("alice@example.com", "Alice", List.of("oncall", "shop-devs"));

    // static: one server for the class (a server per test costs seconds); reset before each test
    static KubernetesMockServer server;
    static KubernetesClient client;

    private PodSecurityTool tool;

    @BeforeEach
    void shop() throws InterruptedException {
        server.reset();
        tool = new PodSecurityTool(new KubernetesAccess(client, true));
        create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .addToLabels("pod-security.kubernetes.io/enforce", "baseline")
                .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                .addToLabels("team", "shop")
                .endMetadata()
                .build());
        for (String suffix : List.of("aaaaa", "bbbbb", "ccccc")) {
            create(checkoutReplica("checkout-7d9f8b6c5-" + suffix, suffix.equals("ccccc") ? "1.4.2" : "latest"));
        }
        create(new PodBuilder(Pods.restricted("debug"))
                .editSpec()
                .withHostNetwork(true)
                .withContainers(hardened("shell", "busybox").build())
                .endSpec()
                .build());
        create(new PodBuilder(Pods.restricted("web-0"))
                .editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("StatefulSet")
                        .withName("web")
                        .withUid("web-uid")
                        .withController(true)
                        .build())
                .endMetadata()
                .build());
        drain();
    }

    /** A checkout replica: privileged, adding SYS_ADMIN, mounting the node's /var/run, without limits. */
    private static Pod checkoutReplica(String name, String tag) {
        return new PodBuilder(restricted(
                                name,
                                new ContainerBuilder()
                                        .withName("app")
                                        .withImage("shop/checkout:" + tag)
                                        .withNewSecurityContext()
                                        .withPrivileged(true)
                                        .withNewCapabilities()
                                        .withAdd("SYS_ADMIN")
                                        .endCapabilities()
                                        .endSecurityContext()
                                        .build())
                        .build())
                .editMetadata()
                .addToLabels("app", "checkout")
                .addToLabels(WorkloadFindings.TEMPLATE_HASH, "7d9f8b6c5")
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("checkout-7d9f8b6c5")
                        .withUid("rs-uid")
                        .withController(true)
                        .build())
                .endMetadata()
                .editSpec()
                .addNewVolume()
                .withName("docker")
                .withNewHostPath()
                .withPath("/var/run")
                .endHostPath()
                .endVolume()
                .endSpec()
                .build();
    }

    private static void create(HasMetadata object) {
        client.resource(object).create();
    }

    /** Forgets the requests made so far (the seeding). */
    private static List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            requests.add(request);
        }
        return requests;
    }

    private ToolResult call(String arguments) {
        try {
            return tool.call(
                    ToolContext.of(ALICE, Duration.ofSeconds(10), Clock.systemUTC()), JSON.readTree(arguments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheNamespaceAndItsPodsAsThePerson() throws InterruptedException {
        call("{\"namespace\": \"shop\"}");

        List<RecordedRequest> requests = drain();
        assertThat(requests)
                .extracting(RecordedRequest::getPath)
                .containsExactly("/api/v1/namespaces/shop", "/api/v1/namespaces/shop/pods?limit=500");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("Impersonate-User")).isEqualTo("alice@example.com");
            assertThat(request.getHeaders().headers("Impersonate-Group")).containsExactly("oncall", "shop-devs");
        });
    }

    @Test
    void findingsAreGroupedPerWorkloadWorstFirstWithTheLevelTheyViolate() {
        ToolResult result = call("{\"namespace\": \"shop\"}");

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        ToolResult.Success success = (ToolResult.Success) result;
        JsonNode data = success.data();
        assertThat(data.path("admission").toString()).isEqualTo("{\"enforce\":\"baseline\",\"warn\":\"restricted\"}");
        assertThat(data.path("pods").asInt()).isEqualTo(5);
        assertThat(data.path("workloadsRead").asInt()).isEqualTo(3);
        assertThat(data.path("podsFailingBaseline").asInt()).isEqualTo(4);
        assertThat(data.path("podsFailingRestricted").asInt()).isEqualTo(4);
        assertThat(data.path("podsMeetingRestricted").asInt()).isEqualTo(1);
        assertThat(data.path("podsFailingEnforcedLevel").asInt()).isEqualTo(4);
        assertThat(data.path("workloads").findValuesAsText("owner"))
                .containsExactly("Deployment/checkout", "Pod/debug");
        assertThat(data.path("clean").toString()).isEqualTo("[\"StatefulSet/web\"]");

        JsonNode checkout = data.path("workloads").get(0);
        assertThat(checkout.path("pods").asInt()).isEqualTo(3);
        assertThat(checkout.path("findings").toString())
                .isEqualTo("[{\"level\":\"baseline\",\"check\":\"hostPath\",\"detail\":\"volume docker mounts the"
                        + " node's /var/run\"},"
                        + "{\"level\":\"baseline\",\"check\":\"capabilitiesAdded\",\"container\":\"app\","
                        + "\"detail\":\"adds SYS_ADMIN\"},"
                        + "{\"level\":\"baseline\",\"check\":\"privileged\",\"container\":\"app\",\"detail\":\"runs"
                        + " privileged\"},"
                        + "{\"level\":\"restricted\",\"check\":\"allowPrivilegeEscalation\",\"container\":\"app\","
                        + "\"detail\":\"allowPrivilegeEscalation is not set (must be false)\"},"
                        + "{\"level\":\"restricted\",\"check\":\"capabilitiesDropped\",\"container\":\"app\","
                        + "\"detail\":\"does not drop ALL capabilities\"},"
                        + "{\"level\":\"best-practice\",\"check\":\"imageTag\",\"container\":\"app\",\"detail\":\"image"
                        + " shop/checkout:latest is :latest\",\"pods\":2},"
                        + "{\"level\":\"best-practice\",\"check\":\"resourceLimits\",\"container\":\"app\","
                        + "\"detail\":\"no cpu or memory limit\"}]");
        assertThat(data.path("findingsByLevel").toString())
                .isEqualTo("{\"baseline\":4,\"restricted\":2,\"best-practice\":3}");
        assertThat(success.summary())
                .isEqualTo("pod security in shop: 5 pods in 3 workloads; 4 fail baseline, 4 fail restricted, 1 meet"
                        + " restricted; 3 best-practice findings; namespace enforces baseline (4 running pods would"
                        + " now be rejected)");
    }

    @Test
    void aLabelSelectorNarrowsThePods() throws InterruptedException {
        ToolResult.Success success =
                (ToolResult.Success) call("{\"namespace\": \"shop\", \"labelSelector\": \"app=web-0\"}");

        assertThat(success.data().path("pods").asInt()).isEqualTo(1);
        assertThat(success.data().path("workloads")).isEmpty();
        assertThat(success.data().path("labelSelector").asText()).isEqualTo("app=web-0");
        assertThat(drain())
                .extracting(RecordedRequest::getPath)
                .contains("/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb-0&limit=500");
    }

    @Test
    void aNamespaceThePersonMayNotGetIsSaidInTheDataAndThePodsAreStillChecked() {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("namespaces \"shop\" is forbidden")
                                .build())
                .always();

        ToolResult.Success success = (ToolResult.Success) call("{\"namespace\": \"shop\"}");

        assertThat(success.data().path("admission").toString())
                .isEqualTo("{\"unreadable\":\"this identity lacks permission get namespaces\"}");
        assertThat(success.data().has("podsFailingEnforcedLevel")).isFalse();
        assertThat(success.data().path("pods").asInt()).isEqualTo(5);
        assertThat(success.summary())
                .endsWith("namespace labels unreadable (this identity lacks permission get namespaces)");
    }

    @Test
    void podsThePersonMayNotListFailTheTool() {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/pods?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).build())
                .always();

        assertThat(call("{\"namespace\": \"shop\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN, "this identity lacks permission list pods in namespace shop"));
    }

    @Test
    void aNamespaceWithoutLabelsOrPodsIsNoData() {
        create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("empty")
                .endMetadata()
                .build());

        assertThat(call("{\"namespace\": \"empty\"}")).isEqualTo(new ToolResult.NoData("no pods in namespace empty"));
    }

    @Test
    void aNamespaceWithoutPodSecurityLabelsSaysNothingIsEnforced() {
        create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("plain")
                .endMetadata()
                .build());
        create(new PodBuilder(Pods.restricted("api"))
                .editMetadata()
                .withNamespace("plain")
                .endMetadata()
                .build());

        ToolResult.Success success = (ToolResult.Success) call("{\"namespace\": \"plain\"}");

        assertThat(success.data().path("admission").toString()).isEqualTo("{}");
        assertThat(success.summary())
                .isEqualTo("pod security in plain: 1 pod in 1 workload; 0 fail baseline, 0 fail restricted, 1 meet"
                        + " restricted; 0 best-practice findings; namespace enforces no pod security level");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() throws InterruptedException {
        assertThat(call("{}"))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.BAD_REQUEST, "argument 'namespace' is required"));
        assertThat(call("{\"namespace\": \"Shop/../kube-system\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "argument 'namespace' is not a valid Kubernetes namespace: 'Shop/../kube-system'"));
        assertThat(call("{\"namespace\": \"shop\", \"labelSelector\": \"app=x&watch=true\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "argument 'labelSelector' is not a label selector: 'app=x&watch=true'"));
        assertThat(drain()).isEmpty();
    }
}
