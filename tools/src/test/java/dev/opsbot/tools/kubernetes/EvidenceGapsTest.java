package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the evidence source does when it cannot find the service or may not read everything. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceGapsTest {
    private static final String PODS = "/api/v1/namespaces/shop/pods";
    private MockCluster cluster;
    private KubernetesEvidence source;

    @BeforeAll
    void start() {
        cluster = new MockCluster();
        source = new KubernetesEvidence(cluster.access(false));
    }

    @BeforeEach
    void oomIncident() throws InterruptedException {
        cluster.reset().seedYaml("checkout-oom.yaml");
        Shop.expectCheckoutLogs(cluster);
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void unknownServiceGivesAnInventoryWithoutWorkloadThatListsTheNamesThereAre() {
        SourceEvidence evidence = source.collect(Shop.investigation("chekout"), Shop.context());

        assertThat(evidence.inventory().known()).isTrue();
        assertThat(evidence.inventory().targetFound()).isFalse();
        assertThat(evidence.inventory().currentRevision()).isNull();
        assertThat(evidence.inventory().names()).containsExactlyInAnyOrder("checkout", "payments", "postgres");
        assertThat(evidence.changes()).isEmpty();
        assertThat(evidence.findings()).isEmpty();
        assertThat(evidence.checks()).isEmpty();
        assertThat(evidence.logs()).isEmpty();
    }

    @Test
    void serviceNamedDifferentlyFromItsDeploymentLeadsToTheDeploymentItSelects() {
        cluster.seed(new ServiceBuilder()
                .withNewMetadata()
                .withName("shop-checkout")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "checkout")
                .endSpec()
                .build());

        SourceEvidence evidence = source.collect(Shop.investigation("shop-checkout"), Shop.context());

        assertThat(evidence.inventory().workload()).isEqualTo(ObjectRef.of("Deployment", "shop", "checkout"));
        assertThat(evidence.findings()).anyMatch(f -> f.kind() == FindingKind.OOM_KILLED);
    }

    @Test
    void nodesThePersonMayNotReadAreAGapAndTheRestOfTheEvidenceStands() {
        for (String node : new String[] {"node-1", "node-2"}) {
            cluster.server
                    .expect()
                    .get()
                    .withPath("/api/v1/nodes/" + node)
                    .andReturn(403, forbidden("nodes"))
                    .always();
        }

        SourceEvidence evidence = source.collect(Shop.investigation("checkout"), Shop.context());

        assertThat(evidence.gaps()).containsExactly("nodes: this identity lacks permission get nodes");
        assertThat(evidence.checks()).noneMatch(c -> c.what().equals("node conditions"));
        assertThat(evidence.findings()).anyMatch(f -> f.kind() == FindingKind.OOM_KILLED);
        assertThat(evidence.changes()).isNotEmpty();
    }

    @Test
    void podsThePersonMayNotListFailTheWholeSourceNamingThePermission() {
        cluster.server
                .expect()
                .get()
                .withPath(PODS)
                .andReturn(403, forbidden("pods"))
                .always();

        assertThatThrownBy(() -> source.collect(Shop.investigation("checkout"), Shop.context()))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                    assertThat(failure.source()).isEqualTo("kubernetes");
                    assertThat(failure.getMessage())
                            .isEqualTo("this identity lacks permission list pods in namespace shop");
                });
    }

    @Test
    void logsThePersonMayNotReadAreOneGap() throws InterruptedException {
        cluster.reset().seedYaml("checkout-oom.yaml");
        for (String pod : new String[] {"abc12", "def34", "ghi56"}) {
            for (boolean previous : new boolean[] {true, false}) {
                cluster.server
                        .expect()
                        .get()
                        .withPath(Shop.logPath("checkout-7d9f8b6c4d-" + pod, previous))
                        .andReturn(403, forbidden("pods/log"))
                        .always();
            }
        }

        SourceEvidence evidence = source.collect(Shop.investigation("checkout"), Shop.context());

        assertThat(evidence.gaps())
                .containsExactly("logs: this identity lacks permission get pods/log in namespace shop");
        assertThat(evidence.logs()).isEmpty();
    }

    @Test
    void containerWithoutAPreviousInstanceIsNotAGap() throws InterruptedException {
        cluster.reset().seedYaml("checkout-oom.yaml");
        Shop.expectCheckoutLogs(cluster);
        cluster.server
                .expect()
                .get()
                .withPath(Shop.logPath("checkout-7d9f8b6c4d-ghi56", true))
                .andReturn(
                        400,
                        new StatusBuilder()
                                .withCode(400)
                                .withReason("BadRequest")
                                .withMessage(
                                        "previous terminated container \"checkout\" in pod \"checkout-7d9f8b6c4d-ghi56\" not found")
                                .build())
                .always();

        SourceEvidence evidence = source.collect(Shop.investigation("checkout"), Shop.context());

        assertThat(evidence.gaps()).isEmpty();
        assertThat(evidence.logs()).isNotEmpty();
    }

    @Test
    void slowApiServerIsATimeoutWithinTheDeadline() {
        cluster.server
                .expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath("/apis/apps/v1/namespaces/shop/deployments")
                .andReturn(200, "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"items\":[]}")
                .always();

        long started = System.nanoTime();
        SourceFailure failure = null;
        try {
            source.collect(Shop.investigation("checkout"), Shop.context(Duration.ofSeconds(1)));
        } catch (SourceFailure e) {
            failure = e;
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("kubernetes did not answer in 1 s");
        assertThat(waited).isLessThan(Duration.ofMillis(1_200));
    }

    static Status forbidden(String resource) {
        return new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withStatus("Failure")
                .withMessage(resource + " is forbidden: User \"alice@example.com\" cannot list resource \"" + resource
                        + "\"")
                .build();
    }
}
