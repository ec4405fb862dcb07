package dev.opsbot.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Json;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesActionsTest {
    private static final Principal BOB_WRITER = new Principal("alice@example.com", "Alice", List.of("shop-deployers"));
    private static final Clock AT_0247 = Clock.fixed(Instant.parse("2026-03-10T02:47:00Z"), ZoneOffset.UTC);

    private ActionCluster cluster;
    private ToolContext context;

    @BeforeEach
    void setUp() {
        cluster = new ActionCluster().seedYaml("checkout-oom.yaml");
        context = new ToolContext(BOB_WRITER, Instant.now().plusSeconds(10), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private ActionTool tool(String name) {
        return KubernetesActions.all(cluster.access(true), 10).stream()
                .filter(t -> t.spec().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Calls the tool as the runner does: within an approval covering exactly the requests it declares. */
    private ToolResult approved(ActionTool tool, ToolContext in, JsonNode arguments) {
        var approval = new ApprovedAction("p-1", tool.requests(arguments, "production", BOB_WRITER.subject()));
        return approval.run(() -> tool.call(in, arguments));
    }

    private ToolResult approved(ActionTool tool, String target, Map<String, Object> params) {
        return approved(tool, context, tool.arguments(target, params));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Deployment checkout() {
        return cluster.client()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get();
    }

    private ReplicaSet replicaSet(String name) {
        return cluster.client()
                .apps()
                .replicaSets()
                .inNamespace("shop")
                .withName(name)
                .get();
    }

    @Test
    void theActionsAreWritesNamedForKubernetes() {
        assertThat(KubernetesActions.all(cluster.access(false), 10))
                .extracting(t -> t.spec().name() + ":" + t.spec().risk())
                .containsExactly("kubernetes.rollback:WRITE", "kubernetes.restart:WRITE", "kubernetes.scale:WRITE");
    }

    @Test
    void rollbackPatchesInTheRevisionsTemplateWithoutItsHashLabel() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");

        ToolResult result = approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 41));

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        assertThat(((ToolResult.Success) result).summary())
                .isEqualTo("Deployment shop/checkout rolled back to revision 41 (memory limit 128Mi -> 512Mi, image"
                        + " registry.example.com/shop/checkout:1.8.0 -> registry.example.com/shop/checkout:1.7.3"
                        + " (+4 more))");
        List<RecordedRequest> patches = cluster.requests("PATCH");
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).getHeader("Content-Type")).startsWith("application/json-patch+json");
        assertThat(patches.get(0).getPath()).isEqualTo("/apis/apps/v1/namespaces/shop/deployments/checkout");
        JsonNode patch = json(cluster.writeBodies().getLast());
        JsonNode expected = Json.mapper()
                .valueToTree(replicaSet("checkout-6c8b9d7f5c").getSpec().getTemplate());
        ((ObjectNode) expected.path("metadata").path("labels")).remove("pod-template-hash");
        JsonNode replace = patch.get(1);
        assertThat(replace.path("op").asText()).isEqualTo("replace");
        assertThat(replace.path("path").asText()).isEqualTo("/spec/template");
        assertThat(replace.path("value")).isEqualTo(expected);
        assertThat(replace.path("value").path("metadata").path("labels").has("pod-template-hash"))
                .isFalse();
        assertThat(patch.get(0).path("op").asText()).isEqualTo("test");
        assertThat(patch.get(0).path("path").asText()).isEqualTo("/metadata/resourceVersion");
        JsonNode stored = Json.mapper().valueToTree(checkout().getSpec().getTemplate());
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void withoutAnApprovalTheWriteIsRefusedBeforeItLeaves() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");

        ToolResult result =
                rollback.call(context, rollback.arguments("Deployment/shop/checkout", Map.of("toRevision", 41)));

        assertThat(result).isInstanceOf(ToolResult.Error.class);
        assertThat(((ToolResult.Error) result).reason())
                .startsWith("patch deployments shop/checkout (kubernetes, production) is refused by rule");
        assertThat(cluster.requests("PATCH")).isEmpty();
    }

    @Test
    void anApprovalForAnotherDeploymentDoesNotCoverThisOne() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");
        JsonNode other = rollback.arguments("Deployment/shop/cart", Map.of("toRevision", 3));
        JsonNode checkout = rollback.arguments("Deployment/shop/checkout", Map.of("toRevision", 41));

        ToolResult result = new ApprovedAction("p-2", rollback.requests(other, "production", "alice@example.com"))
                .run(() -> rollback.call(context, checkout));

        assertThat(((ToolResult.Error) result).reason()).contains("approved proposal p-2 does not cover it");
        assertThat(cluster.requests("PATCH")).isEmpty();
    }

    @Test
    void rollbackKeepsTheControllersAnnotationsAndTakesTheRestFromTheReplicaSet() {
        ActionTool rollback = tool("kubernetes.rollback");

        approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 41));

        assertThat(checkout().getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "42");
    }

    @Test
    void rollbackToARevisionThatDoesNotExistIsRefusedNamingTheKeptOnes() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");

        ToolResult result = approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 7));

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "Deployment shop/checkout has no revision 7 (revisions kept: [40, 41, 42])"));
        assertThat(cluster.requests("PATCH")).isEmpty();
    }

    @Test
    void rollbackToTheTemplateThatRunsIsRefused() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");

        ToolResult result = approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 42));

        assertThat(result).isInstanceOf(ToolResult.Error.class);
        assertThat(((ToolResult.Error) result).reason())
                .isEqualTo("Deployment shop/checkout already runs revision 42: nothing to roll back");
        assertThat(cluster.requests("PATCH")).isEmpty();
    }

    @Test
    void aRollbackPatchBuiltFromAStaleReadIsRefusedByTheServerNotApplied() {
        Deployment stale = checkout();
        ReplicaSet revision41 = replicaSet("checkout-6c8b9d7f5c");
        cluster.client()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":5}}");

        assertThatThrownBy(() -> cluster.client()
                        .apps()
                        .deployments()
                        .inNamespace("shop")
                        .withName("checkout")
                        .patch(
                                PatchContext.of(PatchType.JSON),
                                RollbackTool.patch(stale, revision41).toString()))
                .isInstanceOf(KubernetesClientException.class);
        assertThat(checkout()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits())
                .extractingByKey("memory")
                .hasToString("128Mi");
    }

    @Test
    void aPausedDeploymentIsNotRolledBack() {
        cluster.seed(new DeploymentBuilder(checkout())
                .editSpec()
                .withPaused(true)
                .endSpec()
                .build());
        ActionTool rollback = tool("kubernetes.rollback");

        ToolResult result = approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 41));

        assertThat(((ToolResult.Error) result).reason())
                .startsWith("Deployment shop/checkout is paused: resume it before rolling it back");
    }

    @Test
    void theWriteGoesOutAsTheWritePrincipal() throws Exception {
        cluster.requests();
        ActionTool rollback = tool("kubernetes.rollback");

        approved(rollback, "Deployment/shop/checkout", Map.of("toRevision", 41));

        RecordedRequest patch = cluster.requests("PATCH").get(0);
        assertThat(patch.getHeader("Impersonate-User")).isEqualTo("alice@example.com");
        assertThat(patch.getHeaders().headers("Impersonate-Group")).containsExactly("shop-deployers");
    }

    @Test
    void restartStampsTheTemplateWithRestartedAt() {
        ActionTool restart = tool("kubernetes.restart");
        ToolContext at0247 = new ToolContext(BOB_WRITER, AT_0247.instant().plusSeconds(10), AT_0247);

        ToolResult result = approved(restart, at0247, restart.arguments("Deployment/shop/checkout", Map.of()));

        assertThat(((ToolResult.Success) result).summary())
                .isEqualTo("Deployment shop/checkout restarting: its 3 pods are being replaced"
                        + " (restartedAt 2026-03-10T02:47:00Z)");
        assertThat(checkout().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-03-10T02:47:00Z");
        assertThat(checkout()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry.example.com/shop/checkout:1.8.0");
    }

    @Test
    void scaleSetsTheReplicas() {
        ActionTool scale = tool("kubernetes.scale");

        ToolResult result = approved(scale, "Deployment/shop/checkout", Map.of("replicas", 5));

        assertThat(((ToolResult.Success) result).summary())
                .isEqualTo("Deployment shop/checkout scaled from 3 to 5 replicas");
        assertThat(checkout().getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void scaleAboveTheMaximumIsRefusedBeforeAnyRequest() throws Exception {
        cluster.requests();
        ActionTool scale = tool("kubernetes.scale");
        JsonNode arguments = scale.arguments("Deployment/shop/checkout", Map.of("replicas", 11));

        assertThatThrownBy(() -> scale.requests(arguments, "production", "alice@example.com"))
                .isInstanceOf(SourceFailure.class)
                .hasMessageContaining("above the limit of 10");
        assertThat(((ToolResult.Error) scale.call(context, arguments)).reason()).contains("above the limit of 10");
        assertThat(cluster.requests()).isEmpty();
    }

    @Test
    void scaleToWhatRunsIsRefused() {
        ActionTool scale = tool("kubernetes.scale");

        ToolResult result = approved(scale, "Deployment/shop/checkout", Map.of("replicas", 3));

        assertThat(((ToolResult.Error) result).reason())
                .isEqualTo("Deployment shop/checkout already has 3 replicas: nothing to scale");
    }

    @Test
    void eachActionDeclaresExactlyTheRequestsItMakes() throws Exception {
        ActionTool rollback = tool("kubernetes.rollback");
        JsonNode arguments = rollback.arguments("Deployment/shop/checkout", Map.of("toRevision", 41));

        List<PolicyRequest> declared = rollback.requests(arguments, "production", "alice@example.com");
        cluster.requests();
        approved(rollback, context, arguments);

        assertThat(declared)
                .extracting(PolicyRequest::describe)
                .containsExactly(
                        "get deployments shop/checkout (kubernetes, production)",
                        "list replicasets shop (kubernetes, production)",
                        "patch deployments shop/checkout (kubernetes, production)");
        assertThat(declared).extracting(PolicyRequest::risk).containsExactly(Risk.READ, Risk.READ, Risk.WRITE);
        // fabric8 reads the object again before it patches: a request the declared get covers
        assertThat(cluster.requests())
                .extracting(r -> r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""))
                .containsSubsequence(
                        "GET /apis/apps/v1/namespaces/shop/deployments/checkout",
                        "GET /apis/apps/v1/namespaces/shop/replicasets",
                        "PATCH /apis/apps/v1/namespaces/shop/deployments/checkout")
                .containsOnly(
                        "GET /apis/apps/v1/namespaces/shop/deployments/checkout",
                        "GET /apis/apps/v1/namespaces/shop/replicasets",
                        "PATCH /apis/apps/v1/namespaces/shop/deployments/checkout");
    }

    @Test
    void aTargetOfAnotherKindIsRefused() {
        ActionTool rollback = tool("kubernetes.rollback");

        assertThatThrownBy(() -> rollback.arguments("StatefulSet/shop/db", Map.of("toRevision", 3)))
                .isInstanceOf(SourceFailure.class)
                .hasMessage("kubernetes.rollback acts on Deployments, not on StatefulSet shop/db");
        assertThatThrownBy(() -> rollback.arguments("checkout", Map.of("toRevision", 3)))
                .hasMessageContaining("is not Kind/namespace/name");
    }

    @Test
    void anUnknownOrMalformedParameterIsRefused() {
        ActionTool rollback = tool("kubernetes.rollback");

        assertThatThrownBy(() -> rollback.requests(
                        rollback.arguments("Deployment/shop/checkout", Map.of("revision", 41)), "production", "a@b"))
                .hasMessage("kubernetes.rollback does not take revision (it takes namespace, name, toRevision)");
        assertThatThrownBy(() -> rollback.requests(
                        rollback.arguments("Deployment/shop/checkout", Map.of("toRevision", "latest")),
                        "production",
                        "a@b"))
                .hasMessage("argument 'toRevision' must be an integer");
        assertThatThrownBy(() -> rollback.requests(
                        rollback.arguments("Deployment/Shop/checkout", Map.of("toRevision", 41)), "production", "a@b"))
                .hasMessage("namespace 'Shop' is not a Kubernetes namespace name");
    }

    @Test
    void aMissingDeploymentIsNotFound() {
        ActionTool restart = tool("kubernetes.restart");

        ToolResult result = approved(restart, "Deployment/shop/nope", Map.of());

        assertThat(result)
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.NOT_FOUND, "Deployment shop/nope does not exist"));
    }

    @Test
    void aCallPastItsDeadlineMakesNoRequest() throws Exception {
        cluster.requests();
        ActionTool restart = tool("kubernetes.restart");
        ToolContext expired = ToolContext.of(BOB_WRITER, Duration.ZERO, Clock.systemUTC());

        ToolResult result = approved(restart, expired, restart.arguments("Deployment/shop/checkout", Map.of()));

        assertThat(result).isInstanceOf(ToolResult.Error.class);
        assertThat(((ToolResult.Error) result).kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(cluster.requests()).isEmpty();
    }
}
