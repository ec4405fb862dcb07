package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.Check;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OOM incident end to end: what the evidence source reads out of a namespace through the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesEvidenceTest {
    private MockCluster cluster;
    private SourceEvidence evidence;

    @BeforeAll
    void collectTheOomIncident() {
        cluster = new MockCluster().seedYaml("checkout-oom.yaml");
        Shop.expectCheckoutLogs(cluster);
        evidence =
                new KubernetesEvidence(cluster.access(false)).collect(Shop.investigation("checkout"), Shop.context());
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void inventoryNamesTheWorkloadsAndServicesAndTheCurrentRevision() {
        assertThat(evidence.inventory().known()).isTrue();
        assertThat(evidence.inventory().names()).containsExactlyInAnyOrder("checkout", "payments", "postgres");
        assertThat(evidence.inventory().workload()).isEqualTo(ObjectRef.of("Deployment", "shop", "checkout"));
        assertThat(evidence.inventory().currentRevision()).isEqualTo(42);
    }

    @Test
    void rolloutInTheWindowCarriesTheFieldDiffAgainstThePreviousRevision() {
        ChangeEvent rollout = only(ChangeKind.ROLLOUT);
        assertThat(rollout.at()).isEqualTo(Instant.parse("2026-03-10T02:31:04Z"));
        assertThat(rollout.target()).isEqualTo(ObjectRef.of("Deployment", "shop", "checkout"));
        assertThat(rollout.revision()).isEqualTo(42);
        assertThat(rollout.previousRevision()).isEqualTo(41);
        assertThat(rollout.detail())
                .startsWith("rollout to revision 42: resources.limits.memory 512Mi -> 128Mi, image ");
        assertThat(rollout.changed("resources.limits.memory")).isTrue();
        assertThat(rollout.fields())
                .extracting(f -> f.field(), f -> f.before(), f -> f.after())
                .contains(
                        tuple("resources.limits.memory", "512Mi", "128Mi"),
                        tuple("resources.requests.memory", "256Mi", "128Mi"),
                        tuple("env.LOG_LEVEL", "debug", "info"),
                        tuple("annotations.checksum/config", "41aa77e2", "9f2c41d0"));
    }

    @Test
    void configMapEditedInTheWindowIsAConfigChangeDatedByManagedFields() {
        ChangeEvent change = only(ChangeKind.CONFIG_CHANGE);
        assertThat(change.at()).isEqualTo(Instant.parse("2026-03-10T02:20:00Z"));
        assertThat(change.target()).isEqualTo(ObjectRef.of("ConfigMap", "shop", "checkout-config"));
        assertThat(change.detail())
                .isEqualTo("configmap checkout-config changed by kubectl-edit (keys: FEATURE_FLAGS, PAYMENTS_URL)");
        assertThat(evidence.changes()).noneMatch(c -> c.kind() == ChangeKind.SECRET_CHANGE);
    }

    @Test
    void oomKilledContainersAreFindingsWithContainerRestartsAndLimit() {
        List<Finding> ooms = findings(FindingKind.OOM_KILLED);
        assertThat(ooms).hasSize(3);
        Finding first = ooms.stream()
                .filter(f -> f.subject().name().endsWith("abc12"))
                .findFirst()
                .orElseThrow();
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-10T02:43:05Z"));
        assertThat(first.subject()).isEqualTo(ObjectRef.of("Pod", "shop", "checkout-7d9f8b6c4d-abc12"));
        assertThat(first.attributes())
                .containsEntry("container", "checkout")
                .containsEntry("restarts", "6")
                .containsEntry("limit", "128Mi");
        assertThat(first.detail())
                .isEqualTo(
                        "pod checkout-7d9f8b6c4d-abc12 container checkout OOMKilled (exit 137), 6 restarts; memory limit 128Mi");
    }

    @Test
    void crashLoopingContainersAreFindingsWithTheLastExitCode() {
        assertThat(findings(FindingKind.CRASH_LOOP))
                .extracting(f -> f.subject().name(), f -> f.attribute("reason"), f -> f.attribute("exitCode"))
                .containsExactlyInAnyOrder(
                        tuple("checkout-7d9f8b6c4d-abc12", "CrashLoopBackOff", "137"),
                        tuple("checkout-7d9f8b6c4d-def34", "CrashLoopBackOff", "137"));
    }

    @Test
    void probeFailuresFromBothEventApisAreSummedPerProbeInsideTheWindow() {
        assertThat(findings(FindingKind.PROBE_FAILURE))
                .extracting(f -> f.attribute("probe"), f -> f.attribute("count"), Finding::at)
                .containsExactlyInAnyOrder(
                        tuple("readiness", "12", Instant.parse("2026-03-10T02:43:00Z")),
                        tuple("liveness", "4", Instant.parse("2026-03-10T02:42:30Z")));
    }

    @Test
    void errorSignaturesComeFromCurrentAndPreviousContainerLogs() {
        assertThat(evidence.logs())
                .extracting(l -> l.category())
                .contains(LogCategory.OUT_OF_MEMORY, LogCategory.DOWNSTREAM_ERROR);
        var oom = evidence.logs().stream()
                .filter(l -> l.category() == LogCategory.OUT_OF_MEMORY)
                .findFirst()
                .orElseThrow();
        assertThat(oom.count()).isEqualTo(3);
        assertThat(oom.first()).isEqualTo(Instant.parse("2026-03-10T02:43:04.900Z"));
        assertThat(oom.pods()).hasSize(3);
        assertThat(oom.sample()).startsWith("ERROR Exception in thread");
    }

    @Test
    void checksSayWhatWasFoundNormalAndWhatNot() {
        assertThat(evidence.checks())
                .extracting(Check::what, Check::normal, Check::detail)
                .contains(
                        tuple("pods", false, "1 of 3 ready, 15 restarts"),
                        tuple("rollouts", false, "revision 42 at 02:31"),
                        tuple("node conditions", true, "normal on 2 nodes"),
                        tuple("service endpoints", false, "1 ready, 2 not ready"),
                        tuple("HPA", true, "3 of 10 replicas"),
                        tuple("events", false, "36 warnings: 20 BackOff, 16 Unhealthy"));
    }

    @Test
    void nothingIsMissingSoThereAreNoGaps() {
        assertThat(evidence.gaps()).isEmpty();
        assertThat(findings(FindingKind.NO_ENDPOINTS)).isEmpty();
        assertThat(findings(FindingKind.NODE_CONDITION)).isEmpty();
        assertThat(findings(FindingKind.HPA_AT_MAX)).isEmpty();
    }

    private ChangeEvent only(ChangeKind kind) {
        List<ChangeEvent> changes =
                evidence.changes().stream().filter(c -> c.kind() == kind).toList();
        assertThat(changes).as(kind + " changes in " + evidence.changes()).hasSize(1);
        return changes.getFirst();
    }

    private List<Finding> findings(FindingKind kind) {
        return evidence.findings().stream().filter(f -> f.kind() == kind).toList();
    }
}
