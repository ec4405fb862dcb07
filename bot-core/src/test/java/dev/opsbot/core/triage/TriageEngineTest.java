package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.at;
import static dev.opsbot.core.testing.triage.Evidence.change;
import static dev.opsbot.core.testing.triage.Evidence.deployment;
import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.inventoryWithout;
import static dev.opsbot.core.testing.triage.Evidence.investigation;
import static dev.opsbot.core.testing.triage.Evidence.logs;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.ref;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.Remediation;
import dev.opsbot.core.triage.result.TimelineEntry;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole investigations over fake sources: what the on-call engineer would be told, scenario by scenario. */
class TriageEngineTest {
    private final FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes");
    private final FakeEvidenceSource prometheus = FakeEvidenceSource.named("prometheus");
    private final TriageEngine engine = new TriageEngine(List.of(kubernetes, prometheus), Duration.ofSeconds(2));

    private TriageResult investigate(String service, SymptomKind symptom) {
        ToolContext context =
                ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(30), Clock.systemUTC());
        return engine.investigate(investigation(service, symptom), context, TriageListener.NONE)
                .result();
    }

    private static Hypothesis withCause(TriageResult result, Cause cause) {
        return result.hypotheses().stream()
                .filter(h -> h.cause() == cause)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + cause + " among " + result.hypotheses()));
    }

    @Test
    void aRolloutThatLoweredTheMemoryLimitBeforeTheKillsIsTheOomCauseAndRollingBackTheFix() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42, "payments", "cart"))
                .change(rollout("checkout")
                        .at("02:31")
                        .revision(42)
                        .field("resources.limits.memory", "512Mi", "128Mi")
                        .build())
                .finding(finding(FindingKind.OOM_KILLED, pod("checkout-7d9f8b6c5-x2x4z"))
                        .at("02:33:10")
                        .attr("container", "app")
                        .attr("limit", "128Mi")
                        .build())
                .finding(finding(FindingKind.OOM_KILLED, pod("checkout-7d9f8b6c5-qq8wp"))
                        .at("02:34")
                        .attr("container", "app")
                        .attr("limit", "128Mi")
                        .build())
                .finding(finding(FindingKind.CRASH_LOOP, pod("checkout-7d9f8b6c5-x2x4z"))
                        .at("02:35")
                        .attr("reason", "CrashLoopBackOff")
                        .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.symptom().onset()).isEqualTo(at("02:33"));
        assertThat(result.symptom().peak()).isEqualTo(0.2);
        Hypothesis top = result.top();
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.cause()).isEqualTo(Cause.OOM);
        assertThat(top.culprit()).isEqualTo(new Culprit("Deployment", "shop", "checkout", 42));
        assertThat(top.remediation())
                .isEqualTo(
                        new Remediation("kubernetes.rollback", "Deployment/shop/checkout", Map.of("toRevision", 41)));
        assertThat(top.summary()).contains("512Mi -> 128Mi", "revision 42", "02:31", "2 pods OOMKilled");
        assertThat(top.evidence()).extracting(i -> i.at()).contains(at("02:31"), at("02:33:10"));
        assertThat(result.hypotheses()).hasSizeGreaterThan(1);
        assertThat(top.confidence()).isGreaterThan(result.hypotheses().get(1).confidence());
        assertThat(result.hypotheses()).extracting(Hypothesis::rank).startsWith(1, 2);
    }

    @Test
    void aRolloutAfterTheOnsetIsRankedBelowAFailingDownstreamAndSaysItCameAfter() {
        kubernetes
                .answering("checkout", e -> e.inventory(inventory("checkout", 43, "payments", "cart"))
                        .change(rollout("checkout")
                                .at("02:40")
                                .revision(43)
                                .image("shop/checkout:1.7.0", "shop/checkout:1.7.1")
                                .build())
                        .logs(logs(
                                "checkout-7d9f8b6c5-x2x4z",
                                "2026-03-10T02:33:04Z ERROR c.s.c.PaymentsClient - charge failed:"
                                        + " connection refused: payments:8080",
                                "2026-03-10T02:36:12Z ERROR c.s.c.PaymentsClient - charge failed:"
                                        + " connection refused: payments:8080",
                                "2026-03-10T02:41:40Z ERROR c.s.c.PaymentsClient - charge failed:"
                                        + " connection refused: payments:8080")))
                .answering("payments", e -> e.inventory(inventory("payments", 7, "checkout", "cart"))
                        .finding(finding(FindingKind.CRASH_LOOP, pod("payments-5c6d7-abcde"))
                                .at("02:32")
                                .attr("reason", "CrashLoopBackOff")
                                .attr("exitCode", "1")
                                .detail("payments-5c6d7-abcde: CrashLoopBackOff (exit code 1)")
                                .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.3).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(kubernetes.askedAbout()).containsExactly("checkout", "payments");
        assertThat(prometheus.askedAbout()).containsExactly("checkout", "payments");
        Hypothesis top = result.top();
        assertThat(top.cause()).isEqualTo(Cause.DEPENDENCY_FAILURE);
        assertThat(top.culprit().ref()).isEqualTo(deployment("payments"));
        assertThat(top.summary()).contains("payments", "crashloop");
        Hypothesis decoy = withCause(result, Cause.BAD_DEPLOY);
        assertThat(decoy.culprit()).isEqualTo(new Culprit("Deployment", "shop", "checkout", 43));
        assertThat(decoy.rank()).isGreaterThan(top.rank());
        assertThat(decoy.confidence()).isLessThan(top.confidence());
        assertThat(decoy.summary()).contains("came after the onset at 02:33", "not the cause");
        assertThat(result.timeline())
                .extracting(TimelineEntry::detail)
                .anyMatch(d -> d.startsWith("payments: ") && d.contains("CrashLoopBackOff"));
    }

    @Test
    void aHealthyDownstreamIsNotBlamedAndAConfigMapChangedBeforeTheOnsetIs() {
        kubernetes
                .answering("checkout", e -> e.inventory(inventory("checkout", 42, "payments"))
                        .change(change(ChangeKind.CONFIG_CHANGE, ref("ConfigMap", "checkout-config"))
                                .at("02:30")
                                .detail("data.PAYMENTS_URL changed")
                                .build())
                        .logs(logs(
                                "checkout-7d9f8b6c5-x2x4z",
                                "2026-03-10T02:33:04Z ERROR charge failed: connection refused: payments:9090",
                                "2026-03-10T02:34:04Z ERROR charge failed: connection refused: payments:9090")))
                .answering("payments", e -> e.inventory(inventory("payments", 7, "checkout"))
                        .normal("pods", "3 of 3 ready"));
        prometheus
                .answering(
                        "checkout",
                        e -> e.signal(series(SignalName.ERROR_RATIO)
                                .step(0.001, "02:33", 0.4)
                                .build()))
                .answering(
                        "payments",
                        e -> e.signal(series(SignalName.ERROR_RATIO).flat(0.001).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(kubernetes.askedAbout()).contains("payments");
        assertThat(result.top().cause()).isEqualTo(Cause.CONFIG_CHANGE);
        assertThat(result.top().culprit()).isEqualTo(new Culprit("ConfigMap", "shop", "checkout-config", null));
        assertThat(result.hypotheses()).extracting(h -> h.culprit().name()).doesNotContain("payments");
        assertThat(result.timeline()).extracting(TimelineEntry::detail).noneMatch(d -> d.startsWith("payments: "));
    }

    @Test
    void aDownstreamDatabaseWithAFullVolumeIsBlamedOnItsVolume() {
        kubernetes
                .answering("checkout", e -> e.inventory(inventory("checkout", 42, "postgres", "payments"))
                        .logs(logs(
                                "checkout-7d9f8b6c5-x2x4z",
                                "2026-03-10T02:33:05Z ERROR org.postgresql.util.PSQLException: Connection to"
                                        + " postgres:5432 refused. Check that the hostname and port are correct and"
                                        + " that the postmaster is accepting TCP/IP connections.")))
                .answering("postgres", e -> e.inventory(inventory(ref("StatefulSet", "postgres"), 3, "checkout"))
                        .logs(logs(
                                "postgres-0",
                                "2026-03-10T02:31:00Z PANIC:  could not write to file \"pg_wal/xlogtemp.123\":"
                                        + " No space left on device")));
        prometheus
                .answering(
                        "checkout",
                        e -> e.signal(series(SignalName.ERROR_RATIO)
                                .step(0.001, "02:33", 0.5)
                                .build()))
                .answering(
                        "postgres",
                        e -> e.signal(series(SignalName.VOLUME_FREE)
                                .label("persistentvolumeclaim", "data-postgres-0")
                                .step(0.12, "02:30", 0.004)
                                .build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        Hypothesis top = result.top();
        assertThat(top.cause()).isEqualTo(Cause.DISK_FULL);
        assertThat(top.culprit()).isEqualTo(new Culprit("PersistentVolumeClaim", "shop", "data-postgres-0", null));
        assertThat(top.remediation())
                .isEqualTo(new Remediation(
                        "kubernetes.expand_pvc", "PersistentVolumeClaim/shop/data-postgres-0", Map.of("factor", 2)));
        assertThat(top.summary()).contains("postgres", "full");
    }

    @Test
    void noOnsetAndNothingAbnormalIsHealthy() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42))
                .normal("pods", "3 of 3 ready")
                .normal("events", "no warnings"));
        prometheus.answering(
                "checkout",
                e -> e.signal(series(SignalName.ERROR_RATIO).flat(0.001).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.symptom().onset()).isNull();
        assertThat(result.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.cause()).isEqualTo(Cause.HEALTHY);
            assertThat(h.culprit()).isEqualTo(new Culprit("Deployment", "shop", "checkout", 42));
            assertThat(h.remediation()).isNull();
            assertThat(h.summary()).contains("no http 5xx in the last 60 minutes");
        });
        assertThat(result.normal())
                .containsExactly("kubernetes: pods — 3 of 3 ready", "kubernetes: events — no warnings");
    }

    @Test
    void aSymptomThatNoRuleExplainsIsUnknownNotAGuess() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42)));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.top().cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(result.top().culprit().ref()).isEqualTo(deployment("checkout"));
        assertThat(result.top().summary()).contains("began at 02:33");
        assertThat(result.top().remediation()).isNull();
    }

    @Test
    void aServiceTheInventoryDoesNotKnowIsRefusedWithTheClosestNames() {
        kubernetes.answering(e -> e.inventory(inventoryWithout("checkout", "cart", "payments", "search")));

        assertThatThrownBy(() -> investigate("chekout", SymptomKind.HTTP_5XX))
                .isInstanceOfSatisfying(UnknownServiceException.class, e -> {
                    assertThat(e.service()).isEqualTo("chekout");
                    assertThat(e.namespace()).isEqualTo("shop");
                    assertThat(e.closeNames()).first().isEqualTo("checkout");
                    assertThat(e.closeNames()).doesNotContain("payments", "search");
                })
                .hasMessage("there is no service 'chekout' in namespace shop; did you mean checkout?");
    }

    @Test
    void withoutAnInventoryTheServiceIsInvestigatedAsADeploymentOfItsName() {
        prometheus.answering(
                "checkout",
                e -> e.signal(series(SignalName.ERROR_RATIO).flat(0.001).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.top().cause()).isEqualTo(Cause.HEALTHY);
        assertThat(result.top().culprit()).isEqualTo(new Culprit("Deployment", "shop", "checkout", null));
    }

    @Test
    void aFailureThatBeganWellAfterTheOnsetRanksBelowTheChangeBeforeIt() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42))
                .change(rollout("checkout")
                        .at("02:31")
                        .revision(42)
                        .image("shop/checkout:1.7.0", "shop/checkout:1.8.0")
                        .build())
                .logs(logs("checkout-1", "2026-03-10T02:33:10Z ERROR c.s.c.Cart - NullPointerException"))
                .finding(finding(FindingKind.UNSCHEDULABLE, pod("checkout-9"))
                        .at("02:50")
                        .attr("message", "0/3 nodes are available: 3 Insufficient cpu.")
                        .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.top().cause()).isEqualTo(Cause.BAD_DEPLOY);
        assertThat(withCause(result, Cause.UNSCHEDULABLE).confidence()).isLessThan(0.8 * 0.7);
    }

    @Test
    void aCloseCallLowersTheLeadersConfidenceButNeverBelowTheRunnerUps() {
        // capacity (0.86) and an OOM with no change (0.80) are within the close-call margin of each other
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42))
                .finding(finding(FindingKind.HPA_AT_MAX, ref("HorizontalPodAutoscaler", "checkout"))
                        .at("02:32")
                        .attr("current", "10")
                        .attr("max", "10")
                        .attr("desired", "14")
                        .build())
                .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                        .at("02:33")
                        .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        Hypothesis leader = result.hypotheses().get(0);
        Hypothesis runnerUp = result.hypotheses().get(1);
        assertThat(leader.cause()).isEqualTo(Cause.CAPACITY);
        assertThat(runnerUp.cause()).isEqualTo(Cause.OOM);
        assertThat(leader.confidence()).isLessThan(0.86).isGreaterThanOrEqualTo(runnerUp.confidence());
    }

    @Test
    void aDownstreamBrokenByAMissingSecretIsBlamedOnTheSecret() {
        kubernetes
                .answering("checkout", e -> e.inventory(inventory("checkout", 42, "payments"))
                        .logs(logs(
                                "checkout-1",
                                "2026-03-10T02:33:04Z ERROR charge failed: connection refused: payments:8080")))
                .answering("payments", e -> e.inventory(inventory("payments", 7, "checkout"))
                        .finding(finding(FindingKind.MISSING_CONFIG_OBJECT, pod("payments-5c6d7-abcde"))
                                .at("02:32")
                                .attr("kind", "Secret")
                                .attr("object", "payments-api-key")
                                .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.3).build()));

        TriageResult result = investigate("checkout", SymptomKind.HTTP_5XX);

        assertThat(result.top().cause()).isEqualTo(Cause.MISSING_CONFIG_OBJECT);
        assertThat(result.top().culprit()).isEqualTo(new Culprit("Secret", "shop", "payments-api-key", null));
    }
}
