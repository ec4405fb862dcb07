package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.tools.actions.RollbackTool;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.Series;
import dev.opsbot.tools.signals.SignalQueries;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated Deployment controller and the metrics that follow it, on the bundled checkout-oom scenario: checkout's
 * revision 42 cut the memory limit to 128Mi, two of three pods crash-loop, about a fifth of requests fail.
 */
class SimulatedControllerTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:47:00Z");
    private static final String ERROR_RATIO =
            SignalQueries.defaults().render(SignalName.ERROR_RATIO, "shop", "checkout");
    private static final String RESTARTS = SignalQueries.defaults().render(SignalName.RESTARTS, "shop", "checkout");

    private ScenarioServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = ScenarioServer.start(Scenarios.bundled());
        client = server.kubernetesClient();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Deployment checkout() {
        return client.apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get();
    }

    private List<Pod> checkoutPods() {
        return client.pods()
                .inNamespace("shop")
                .withLabel("app", "checkout")
                .list()
                .getItems();
    }

    private List<ReplicaSet> replicaSets() {
        return client.apps()
                .replicaSets()
                .inNamespace("shop")
                .withLabel("app", "checkout")
                .list()
                .getItems();
    }

    private ReplicaSet atRevision(String revision) {
        return replicaSets().stream()
                .filter(rs ->
                        revision.equals(rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
                .findFirst()
                .orElseThrow();
    }

    private static double value(MetricsQuerier metrics, String promql, Instant at) {
        List<Series> series = metrics.instant(promql, at);
        assertThat(series).as(promql + " at " + at).hasSize(1);
        return series.getFirst().points().getFirst().value();
    }

    /** kubernetes.rollback through the guarded access, as the action runner calls it. */
    private ToolResult rollBackTo(int revision) {
        RollbackTool rollback = new RollbackTool(new KubernetesAccess(server.kubernetesClient(), true));
        JsonNode arguments = rollback.arguments("Deployment/shop/checkout", Map.of("toRevision", revision));
        Principal bob = new Principal("alice@example.com", "Alice", List.of("shop-deployers"));
        ToolContext context = ToolContext.of(bob, Duration.ofSeconds(10), Clock.systemUTC());
        return new ApprovedAction("p-1", rollback.requests(arguments, "production", bob.subject()))
                .run(() -> rollback.call(context, arguments));
    }

    @Test
    void theClockStartsAtTheScenariosNowAndMovesOnlyWhenAdvanced() throws Exception {
        assertThat(server.clock().instant()).isEqualTo(NOW);
        Thread.sleep(20);
        assertThat(server.clock().instant()).isEqualTo(NOW);

        assertThat(server.advanceClock(Duration.ofSeconds(15))).isEqualTo(NOW.plusSeconds(15));
        assertThat(server.clock().instant()).isEqualTo(NOW.plusSeconds(15));
        assertThatThrownBy(() -> server.advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollbackToRevision41RollsOutRevision43WithItsTemplate() {
        ToolResult result = rollBackTo(41);

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        Deployment deployment = checkout();
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "43");
        assertThat(deployment.getStatus().getObservedGeneration())
                .isEqualTo(deployment.getMetadata().getGeneration());
        assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(3);
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(deployment.getStatus().getUnavailableReplicas()).isNull();

        ReplicaSet revision43 = atRevision("43");
        // as the real controller does, the ReplicaSet of the same template is taken over: it is revision 43 now
        assertThat(revision43.getMetadata().getName()).isEqualTo("checkout-7cdb47467d");
        assertThat(revision43.getMetadata().getAnnotations())
                .containsEntry("deployment.kubernetes.io/revision-history", "41");
        assertThat(revision43.getSpec().getReplicas()).isEqualTo(3);
        assertThat(revision43
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getResources()
                        .getLimits())
                .extractingByKey("memory")
                .hasToString("512Mi");
        assertThat(atRevision("42").getSpec().getReplicas()).isZero();
        assertThat(replicaSets()).noneMatch(rs -> "41"
                .equals(rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")));
    }

    @Test
    void afterTheRollbackCheckoutsPodsAreNewReadyAndOfRevision43() {
        rollBackTo(41);

        List<Pod> pods = checkoutPods();
        assertThat(pods).hasSize(3);
        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getMetadata().getName()).startsWith("checkout-7cdb47467d-");
            assertThat(pod.getMetadata().getLabels()).containsEntry("pod-template-hash", "7cdb47467d");
            assertThat(pod.getMetadata().getCreationTimestamp()).isEqualTo(NOW.toString());
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getStatus().getConditions())
                    .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
            assertThat(pod.getStatus().getContainerStatuses())
                    .extracting(ContainerStatus::getRestartCount)
                    .containsOnly(0);
            assertThat(pod.getSpec().getContainers().getFirst().getResources().getLimits())
                    .extractingByKey("memory")
                    .hasToString("512Mi");
        });
        List<EndpointAddress> addresses = client.endpoints()
                .inNamespace("shop")
                .withName("checkout")
                .get()
                .getSubsets()
                .getFirst()
                .getAddresses();
        assertThat(addresses)
                .extracting(a -> a.getTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(
                        pods.stream().map(p -> p.getMetadata().getName()).toList());
    }

    @Test
    void afterTheRollbackTheErrorRatioIsBackAtItsBaselineThroughTriagesPromql() {
        MetricsQuerier metrics = server.metrics();
        double baseline = value(metrics, ERROR_RATIO, Instant.parse("2026-03-10T01:55:00Z"));
        double incident = value(metrics, ERROR_RATIO, NOW);
        assertThat(incident).isGreaterThan(0.15);

        rollBackTo(41);

        // the same querier, now following the rollout: rate()'s 5 minutes after the change are all recovered samples
        double after = value(metrics, ERROR_RATIO, NOW.plus(Duration.ofMinutes(6)));
        assertThat(after).isCloseTo(baseline, within(0.01)).isLessThan(0.02);
        assertThat(value(metrics, ERROR_RATIO, NOW)).isEqualTo(incident);
        assertThat(metrics.instant(RESTARTS, NOW.plus(Duration.ofMinutes(6))))
                .hasSize(3)
                .allSatisfy(
                        series -> assertThat(series.points().getFirst().value()).isZero());
        assertThat(metrics.instant(
                        "kube_pod_container_resource_limits{namespace=\"shop\",pod=~\"checkout-.*\","
                                + "resource=\"memory\"}",
                        NOW.plus(Duration.ofMinutes(6))))
                .hasSize(3)
                .allSatisfy(
                        series -> assertThat(series.points().getFirst().value()).isEqualTo(512.0 * 1024 * 1024));
    }

    @Test
    void aSecondRollbackToTheSameRevisionSaysItAlreadyRunsThoughTheRevisionWasRenumbered() {
        assertThat(rollBackTo(41)).isInstanceOf(ToolResult.Success.class);
        int writes = server.writes().size();

        ToolResult again = rollBackTo(41);

        assertThat(again).isInstanceOf(ToolResult.Error.class);
        assertThat(((ToolResult.Error) again).reason())
                .isEqualTo("Deployment shop/checkout already runs the template of revision 41 (current revision 43):"
                        + " nothing to roll back");
        assertThat(server.writes()).hasSize(writes);
    }

    @Test
    void replayUndoesTheRollbackItsPodsAndItsMetricsAndRewindsTheClock() {
        List<String> podsBefore = checkoutPods().stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        double incident = value(server.metrics(), ERROR_RATIO, NOW);
        rollBackTo(41);
        server.advanceClock(Duration.ofMinutes(6));
        assertThat(value(server.metrics(), ERROR_RATIO, NOW.plus(Duration.ofMinutes(6))))
                .isLessThan(0.02);

        server.replay();

        assertThat(server.clock().instant()).isEqualTo(NOW);
        assertThat(checkout().getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "42");
        assertThat(replicaSets())
                .extracting(rs -> rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
                .containsExactlyInAnyOrder("40", "41", "42");
        assertThat(checkoutPods().stream()
                        .map(p -> p.getMetadata().getName())
                        .sorted()
                        .toList())
                .isEqualTo(podsBefore);
        assertThat(server.rollouts()).isEmpty();
        assertThat(value(server.metrics(), ERROR_RATIO, NOW)).isEqualTo(incident);
        assertThat(server.metrics().instant(ERROR_RATIO, NOW.plus(Duration.ofMinutes(6))))
                .as("the recovered pods' samples are gone with the rollback: the recording ends at the scenario's now")
                .isEmpty();

        rollBackTo(41);
        assertThat(atRevision("43")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .toString())
                .as("the incident can be fixed again, the same way")
                .isEqualTo("512Mi");
    }

    @Test
    void aRestartOfCrashingPodsGivesCrashingPods() {
        client.apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                                + "\"kubectl.kubernetes.io/restartedAt\":\"2026-03-10T02:47:00Z\"}}}}}");

        Deployment deployment = checkout();
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "43");
        ReplicaSet revision43 = atRevision("43");
        assertThat(revision43.getMetadata().getName()).matches("checkout-[bcdfghjklmnpqrstvwxz2456789]+");
        assertThat(revision43.getMetadata().getCreationTimestamp()).isEqualTo(NOW.toString());
        assertThat(checkoutPods())
                .hasSize(3)
                .filteredOn(pod -> pod.getStatus()
                                .getContainerStatuses()
                                .getFirst()
                                .getState()
                                .getWaiting()
                        != null)
                .isNotEmpty();
        assertThat(deployment.getStatus().getReadyReplicas()).isLessThan(3);
        assertThat(value(server.metrics(), ERROR_RATIO, NOW.plus(Duration.ofMinutes(6))))
                .isGreaterThan(0.1);
    }

    @Test
    void scalingAddsPodsLikeTheOnesThere() {
        rollBackTo(41);
        server.advanceClock(Duration.ofMinutes(1));

        client.apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");

        assertThat(checkoutPods())
                .hasSize(4)
                .allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
        assertThat(checkout().getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "43");
        assertThat(checkout().getStatus().getReadyReplicas()).isEqualTo(4);
        assertThat(server.rollouts()).hasSize(2).last().asString().contains("0 pods stopped, 1 started");
        assertThat(value(server.metrics(), ERROR_RATIO, NOW.plus(Duration.ofMinutes(8))))
                .isLessThan(0.02);
    }

    @Test
    void readsBeforeAnyWriteAreTheScenarioAsCaptured() {
        assertThat(checkout().getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "42");
        assertThat(checkoutPods())
                .extracting(p -> p.getMetadata().getName())
                .allMatch(n -> n.startsWith("checkout-76678c7c8b-"));
        assertThat(server.rollouts()).isEmpty();
    }
}
