package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.change;
import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.investigation;
import static dev.opsbot.core.testing.triage.Evidence.log;
import static dev.opsbot.core.testing.triage.Evidence.node;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.ref;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.Remediation;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario per cause of docs/triage.md's table: the evidence the table says the cause needs, and the culprit and
 * remediation it says the answer names. Each runs through the whole engine over fake kubernetes and prometheus
 * sources; the error ratio steps up at 02:33 unless the case says otherwise.
 */
class TriageRulesTest {
    private static final Culprit CHECKOUT_DEPLOYMENT = new Culprit("Deployment", "shop", "checkout", 7);
    private static final Culprit REVISION_42 = new Culprit("Deployment", "shop", "checkout", 42);
    private static final Remediation ROLLBACK_TO_41 =
            new Remediation("kubernetes.rollback", "Deployment/shop/checkout", Map.of("toRevision", 41));

    /**
     * @param kubernetes what the kubernetes source finds about checkout (its inventory is added: revision 7)
     * @param prometheus what the prometheus source finds (default: the error ratio stepping up at 02:33)
     */
    record Case(
            String name,
            SymptomKind symptom,
            Consumer<SourceEvidence.Builder> kubernetes,
            Consumer<SourceEvidence.Builder> prometheus,
            Cause cause,
            Culprit culprit,
            Remediation remediation) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Consumer<SourceEvidence.Builder> ERRORS_FROM_0233 = e ->
            e.signal(series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build());
    private static final Consumer<SourceEvidence.Builder> SLOW_FROM_0233 =
            e -> e.signal(series(SignalName.LATENCY_P99).step(0.2, "02:33", 1.5).build());
    private static final Consumer<SourceEvidence.Builder> NO_METRICS = e -> {};

    private static Case of(
            String name, Consumer<SourceEvidence.Builder> kubernetes, Cause cause, Culprit culprit, Remediation fix) {
        return new Case(name, SymptomKind.HTTP_5XX, kubernetes, ERRORS_FROM_0233, cause, culprit, fix);
    }

    static Stream<Case> causes() {
        List<Case> cases = new ArrayList<>();
        cases.add(of(
                "oom after a rollout lowering the memory limit",
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("resources.limits.memory", "512Mi", "128Mi")
                                .build())
                        .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                                .at("02:33")
                                .build()),
                Cause.OOM,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(of(
                "oom without a change: the workload outgrew its limit",
                e -> e.finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                        .at("02:33")
                        .attr("container", "app")
                        .attr("limit", "256Mi")
                        .build()),
                Cause.OOM,
                CHECKOUT_DEPLOYMENT,
                new Remediation(
                        "kubernetes.set_resources",
                        "Deployment/shop/checkout",
                        Map.of("container", "app", "memoryLimit", "512Mi"))));
        cases.add(of(
                "bad-deploy: a new image, then crashes",
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .image("shop/checkout:1.7.0", "shop/checkout:1.8.0")
                                .build())
                        .finding(finding(FindingKind.CRASH_LOOP, pod("checkout-1"))
                                .at("02:33")
                                .attr("reason", "Error")
                                .attr("exitCode", "1")
                                .build()),
                Cause.BAD_DEPLOY,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(of(
                "bad-deploy: a new image, then new log errors",
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .image("shop/checkout:1.7.0", "shop/checkout:1.8.0")
                                .build())
                        .logs(List.of(log(LogCategory.ERROR, "error c.s.c.cart - nullpointerexception")
                                .count(420)
                                .since("02:33")
                                .build())),
                Cause.BAD_DEPLOY,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(of(
                "config-change: a ConfigMap changed before the onset",
                e -> e.change(change(ChangeKind.CONFIG_CHANGE, ref("ConfigMap", "checkout-config"))
                                .at("02:30")
                                .build())
                        .logs(List.of(log(LogCategory.MISSING_CONFIG, "error missing required setting payments.url")
                                .since("02:33")
                                .build())),
                Cause.CONFIG_CHANGE,
                new Culprit("ConfigMap", "shop", "checkout-config", null),
                null));
        cases.add(of(
                "config-change: a rollout changing only env",
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("env.PAYMENTS_URL", "http://payments:8080", "http://payment:8080")
                                .build())
                        .logs(List.of(log(LogCategory.ERROR, "error unknown host payment")
                                .since("02:33")
                                .build())),
                Cause.CONFIG_CHANGE,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(of(
                "crashloop with no change to blame",
                e -> e.finding(finding(FindingKind.CRASH_LOOP, pod("checkout-1"))
                        .at("02:33")
                        .attr("reason", "CrashLoopBackOff")
                        .attr("exitCode", "137")
                        .build()),
                Cause.CRASHLOOP,
                CHECKOUT_DEPLOYMENT,
                null));
        cases.add(new Case(
                "image-pull after a rollout setting an image that does not exist",
                SymptomKind.DOWN,
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .image("shop/checkout:1.7.0", "shop/checkout:1.8.0-rc")
                                .build())
                        .finding(finding(FindingKind.IMAGE_PULL_FAILURE, pod("checkout-9"))
                                .at("02:31:30")
                                .attr("image", "shop/checkout:1.8.0-rc")
                                .attr("reason", "ImagePullBackOff")
                                .build()),
                NO_METRICS,
                Cause.IMAGE_PULL,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(new Case(
                "probe-misconfig after a rollout changing the liveness probe",
                SymptomKind.RESTARTS,
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field(
                                        "livenessProbe",
                                        "httpGet /healthz:8080 delay=30s",
                                        "httpGet /healthz:8080 delay=1s")
                                .build())
                        .finding(finding(FindingKind.PROBE_FAILURE, pod("checkout-1"))
                                .at("02:32")
                                .attr("probe", "Liveness")
                                .attr("message", "Get \"http://10.0.3.7:8080/healthz\": connection refused")
                                .build()),
                e -> e.signal(series(SignalName.RESTARTS)
                        .label("pod", "checkout-1")
                        .step(0, "02:33", 2)
                        .build()),
                Cause.PROBE_MISCONFIG,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(new Case(
                "missing-config-object: a Secret that does not exist",
                SymptomKind.DOWN,
                e -> e.finding(finding(FindingKind.MISSING_CONFIG_OBJECT, pod("checkout-9"))
                        .at("02:33")
                        .attr("kind", "Secret")
                        .attr("object", "payments-api-key")
                        .build()),
                NO_METRICS,
                Cause.MISSING_CONFIG_OBJECT,
                new Culprit("Secret", "shop", "payments-api-key", null),
                null));
        cases.add(new Case(
                "capacity: the HPA at its maximum while load grows",
                SymptomKind.LATENCY,
                e -> e.finding(finding(FindingKind.HPA_AT_MAX, ref("HorizontalPodAutoscaler", "checkout"))
                        .at("02:32")
                        .attr("current", "10")
                        .attr("max", "10")
                        .attr("desired", "14")
                        .build()),
                e -> SLOW_FROM_0233
                        .andThen(p -> p.signal(series(SignalName.REQUEST_RATE)
                                .step(100, "02:25", 340)
                                .build()))
                        .accept(e),
                Cause.CAPACITY,
                new Culprit("HorizontalPodAutoscaler", "shop", "checkout", null),
                new Remediation(
                        "kubernetes.patch_hpa", "HorizontalPodAutoscaler/shop/checkout", Map.of("maxReplicas", 20))));
        cases.add(new Case(
                "hpa-broken: the HPA cannot read its metrics",
                SymptomKind.LATENCY,
                e -> e.finding(finding(FindingKind.HPA_FAILING, ref("HorizontalPodAutoscaler", "checkout"))
                        .at("02:20")
                        .attr("reason", "FailedGetResourceMetric")
                        .build()),
                SLOW_FROM_0233,
                Cause.HPA_BROKEN,
                new Culprit("HorizontalPodAutoscaler", "shop", "checkout", null),
                null));
        cases.add(new Case(
                "cpu-throttling after a rollout lowering the CPU limit",
                SymptomKind.LATENCY,
                e -> e.change(rollout("checkout")
                        .at("02:31")
                        .revision(42)
                        .field("resources.limits.cpu", "1", "200m")
                        .build()),
                e -> SLOW_FROM_0233
                        .andThen(p -> p.signal(series(SignalName.CPU_THROTTLING)
                                .label("pod", "checkout-1")
                                .label("container", "app")
                                .step(0.02, "02:32", 0.7)
                                .build()))
                        .accept(e),
                Cause.CPU_THROTTLING,
                REVISION_42,
                ROLLBACK_TO_41));
        cases.add(of(
                "node-pressure: the node under memory pressure evicts pods",
                e -> e.finding(finding(FindingKind.NODE_CONDITION, node("ip-10-0-1-17"))
                                .at("02:30")
                                .attr("condition", "MemoryPressure")
                                .build())
                        .finding(finding(FindingKind.EVICTED, pod("checkout-1"))
                                .at("02:32")
                                .attr("node", "ip-10-0-1-17")
                                .attr("reason", "The node was low on resource: memory.")
                                .build()),
                Cause.NODE_PRESSURE,
                new Culprit("Node", "", "ip-10-0-1-17", null),
                new Remediation("kubernetes.cordon", "Node/ip-10-0-1-17", Map.of())));
        cases.add(new Case(
                "unschedulable: no node fits the pods",
                SymptomKind.DOWN,
                e -> e.finding(finding(FindingKind.UNSCHEDULABLE, pod("checkout-9"))
                        .at("02:33")
                        .attr("reason", "Unschedulable")
                        .attr("message", "0/3 nodes are available: 3 Insufficient memory.")
                        .build()),
                NO_METRICS,
                Cause.UNSCHEDULABLE,
                CHECKOUT_DEPLOYMENT,
                null));
        cases.add(of(
                "dependency-failure: an outside host refusing calls",
                e -> e.logs(
                        List.of(log(LogCategory.DOWNSTREAM_ERROR, "error post https://api.stripe.com/v1/charges: 503")
                                .downstream("api.stripe.com")
                                .count(812)
                                .since("02:33")
                                .build())),
                Cause.DEPENDENCY_FAILURE,
                new Culprit("ExternalService", "", "api.stripe.com", null),
                null));
        cases.add(of(
                "db-pool-exhausted after a scale-up",
                e -> e.change(change(ChangeKind.SCALE, ref("Deployment", "checkout"))
                                .at("02:30")
                                .field("", "replicas", "3", "12")
                                .detail("scaled from 3 to 12 replicas")
                                .build())
                        .logs(List.of(log(
                                        LogCategory.DB_POOL_EXHAUSTED,
                                        "hikaripool-<n> - connection is not available, request timed out after <n>ms.")
                                .count(2200)
                                .since("02:32")
                                .build())),
                Cause.DB_POOL_EXHAUSTED,
                new Culprit("Deployment", "shop", "checkout", null),
                new Remediation("kubernetes.scale", "Deployment/shop/checkout", Map.of("replicas", 3))));
        cases.add(of(
                "rate-limited by an outside API",
                e -> e.logs(List.of(log(LogCategory.RATE_LIMITED, "post https://api.sendgrid.com/v3/mail/send: 429")
                        .downstream("api.sendgrid.com")
                        .count(97)
                        .since("02:33")
                        .build())),
                Cause.RATE_LIMITED,
                new Culprit("ExternalService", "", "api.sendgrid.com", null),
                null));
        cases.add(new Case(
                "cert-expired: a Certificate whose expiry went negative",
                SymptomKind.HTTP_5XX,
                e -> {},
                e -> ERRORS_FROM_0233
                        .andThen(p -> p.signal(series(SignalName.CERT_EXPIRY)
                                .label("namespace", "shop")
                                .label("name", "checkout-tls")
                                .step(1800, "02:33", -60)
                                .build()))
                        .accept(e),
                Cause.CERT_EXPIRED,
                new Culprit("Certificate", "shop", "checkout-tls", null),
                null));
        cases.add(of(
                "cert-expired: TLS calls to an outside host fail on its expired certificate",
                e -> e.logs(List.of(log(LogCategory.CERT_EXPIRED, "x509: certificate has expired or is not yet valid")
                        .downstream("gateway.example.com")
                        .count(300)
                        .since("02:33")
                        .build())),
                Cause.CERT_EXPIRED,
                new Culprit("ExternalService", "", "gateway.example.com", null),
                null));
        cases.add(of(
                "dns-failure with no network policy change",
                e -> e.logs(List.of(log(LogCategory.DNS_FAILURE, "java.net.unknownhostexception: search")
                        .downstream("search")
                        .count(64)
                        .since("02:33")
                        .build())),
                Cause.DNS_FAILURE,
                new Culprit("Service", "kube-system", "kube-dns", null),
                null));
        cases.add(of(
                "network-policy created just before calls started failing",
                e -> e.change(change(ChangeKind.NETWORK_POLICY, ref("NetworkPolicy", "deny-egress"))
                                .at("02:31")
                                .detail("NetworkPolicy deny-egress created")
                                .build())
                        .logs(List.of(
                                log(LogCategory.DOWNSTREAM_ERROR, "error context deadline exceeded calling payments")
                                        .downstream("payments")
                                        .count(1500)
                                        .since("02:33")
                                        .build())),
                Cause.NETWORK_POLICY,
                new Culprit("NetworkPolicy", "shop", "deny-egress", null),
                new Remediation("kubernetes.delete_network_policy", "NetworkPolicy/shop/deny-egress", Map.of())));
        cases.add(new Case(
                "no-endpoints: a Service whose selector matches no ready pod",
                SymptomKind.DOWN,
                e -> e.finding(finding(FindingKind.NO_ENDPOINTS, ref("Service", "checkout"))
                        .at("02:33")
                        .attr("service", "checkout")
                        .attr("notReady", "0")
                        .build()),
                NO_METRICS,
                Cause.NO_ENDPOINTS,
                new Culprit("Service", "shop", "checkout", null),
                null));
        cases.add(new Case(
                "disk-full: the workload's own volume",
                SymptomKind.HTTP_5XX,
                e -> e.logs(List.of(log(LogCategory.DISK_FULL, "write /data/orders.db: no space left on device")
                        .count(40)
                        .since("02:33")
                        .build())),
                e -> ERRORS_FROM_0233
                        .andThen(p -> p.signal(series(SignalName.VOLUME_FREE)
                                .label("persistentvolumeclaim", "data-checkout-0")
                                .step(0.2, "02:32", 0.004)
                                .build()))
                        .accept(e),
                Cause.DISK_FULL,
                new Culprit("PersistentVolumeClaim", "shop", "data-checkout-0", null),
                new Remediation(
                        "kubernetes.expand_pvc", "PersistentVolumeClaim/shop/data-checkout-0", Map.of("factor", 2))));
        return cases.stream();
    }

    private static TriageResult investigate(Case scenario) {
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering("checkout", e -> scenario.kubernetes()
                        .accept(e.inventory(inventory("checkout", 7, "payments", "search", "cart"))));
        FakeEvidenceSource prometheus =
                FakeEvidenceSource.named("prometheus").answering("checkout", scenario.prometheus());
        ToolContext context =
                ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(30), Clock.systemUTC());
        return new TriageEngine(List.of(kubernetes, prometheus), Duration.ofSeconds(2))
                .investigate(investigation("checkout", scenario.symptom()), context, TriageListener.NONE)
                .result();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void eachCauseFiresFromItsEvidenceAndNamesItsCulpritAndFix(Case scenario) {
        TriageResult result = investigate(scenario);

        Hypothesis top = result.top();
        assertThat(top.cause()).as("cause; hypotheses %s", result.hypotheses()).isEqualTo(scenario.cause());
        assertThat(top.culprit()).isEqualTo(scenario.culprit());
        assertThat(top.remediation()).isEqualTo(scenario.remediation());
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(top.evidence()).isNotEmpty();
        assertThat(result.symptom().onset()).isNotNull();
    }

    @Test
    void everyCauseWithARuleHasAScenario() {
        Set<Cause> covered =
                causes().map(Case::cause).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cause.class)));
        // dependency-failure on an in-cluster downstream, healthy and unknown: TriageEngineTest
        covered.addAll(List.of(Cause.HEALTHY, Cause.UNKNOWN));

        assertThat(covered).containsExactlyInAnyOrder(Cause.values());
    }

    @Test
    void aSetResourcesProposalListsTheContainerBeforeTheLimit() {
        Case outgrown = causes().filter(c -> c.name().startsWith("oom without"))
                .findFirst()
                .orElseThrow();

        Remediation fix = investigate(outgrown).top().remediation();

        assertThat(new ArrayList<>(fix.params().keySet())).containsExactly("container", "memoryLimit");
        assertThat(fix.describe()).isEqualTo("set resources Deployment/shop/checkout container=app memoryLimit=512Mi");
    }

    @Test
    void cpuThrottlingWithoutARolloutProposesNothingItCannotSizeSafely() {
        Case throttled = new Case(
                "cpu-throttling with no change",
                SymptomKind.LATENCY,
                e -> {},
                e -> SLOW_FROM_0233
                        .andThen(p -> p.signal(series(SignalName.CPU_THROTTLING)
                                .label("pod", "checkout-1")
                                .label("container", "app")
                                .step(0.02, "02:32", 0.7)
                                .build()))
                        .accept(e),
                Cause.CPU_THROTTLING,
                CHECKOUT_DEPLOYMENT,
                null);

        Hypothesis top = investigate(throttled).top();

        assertThat(top.cause()).isEqualTo(Cause.CPU_THROTTLING);
        assertThat(top.culprit()).isEqualTo(throttled.culprit());
        // the evidence carries no current CPU limit, so there is no new limit to propose (docs/triage.md)
        assertThat(top.remediation()).isNull();
    }

    @Test
    void aMissingSecretReferencedByARolloutIsFixedByRollingItBack() {
        Case missing = new Case(
                "missing-config-object after a rollout",
                SymptomKind.DOWN,
                e -> e.change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("envFrom", "", "secretRef payments-api-key")
                                .build())
                        .finding(finding(FindingKind.MISSING_CONFIG_OBJECT, pod("checkout-9"))
                                .at("02:32")
                                .attr("kind", "Secret")
                                .attr("object", "payments-api-key")
                                .build()),
                NO_METRICS,
                Cause.MISSING_CONFIG_OBJECT,
                new Culprit("Secret", "shop", "payments-api-key", null),
                null);

        Hypothesis top = investigate(missing).top();

        assertThat(top.culprit()).isEqualTo(missing.culprit());
        assertThat(top.remediation().action()).isEqualTo("kubernetes.rollback");
        assertThat(top.remediation().params()).containsEntry("toRevision", 41);
    }

    @Test
    void aScaleDownIsNotBlamedForAnExhaustedPool() {
        Case scaledDown = of(
                "db-pool-exhausted after a scale-down",
                e -> e.change(change(ChangeKind.SCALE, ref("Deployment", "checkout"))
                                .at("02:30")
                                .field("", "replicas", "12", "3")
                                .build())
                        .logs(List.of(log(LogCategory.DB_POOL_EXHAUSTED, "too many clients already")
                                .count(50)
                                .since("02:32")
                                .build())),
                Cause.DB_POOL_EXHAUSTED,
                null,
                null);

        Hypothesis top = investigate(scaledDown).top();

        assertThat(top.cause()).isEqualTo(Cause.DB_POOL_EXHAUSTED);
        assertThat(top.remediation())
                .as("scaling 'back' to 12 would be scaling up")
                .isNull();
    }
}
