package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {
    private static final Path BAD = Path.of("src/test/resources/bad");

    @Test
    void loadsEveryPartOfAScenario() {
        Scenario scenario = TestScenarios.mini();

        assertThat(scenario.name()).isEqualTo("mini");
        assertThat(scenario.now()).isEqualTo(Instant.parse("2026-03-10T02:45:00Z"));
        assertThat(scenario.question()).isEqualTo("why is checkout 5xx?");
        assertThat(scenario.namespace()).isEqualTo("shop");
        assertThat(scenario.service()).isEqualTo("checkout");
        assertThat(scenario.channel()).contains("#inc-checkout");
        assertThat(scenario.description()).startsWith("A small copy of the demo incident");
        assertThat(scenario.expectation())
                .contains(new Expectation(Cause.OOM, Optional.of(ObjectRef.of("Deployment", "shop", "checkout"))));
        assertThat(scenario.kubernetesObjects()).hasSize(16);
        assertThat(scenario.logs().keySet())
                .extracting(LogKey::toString)
                .containsExactlyInAnyOrder(
                        "shop/checkout-5f7b8c9d6-abcde/checkout",
                        "shop/checkout-5f7b8c9d6-abcde/checkout/previous",
                        "shop/checkout-5f7b8c9d6-fghij/checkout",
                        "shop/checkout-5f7b8c9d6-fghij/log-shipper",
                        "shop/checkout-7d9c6b5f4-xyz12/checkout");
        assertThat(scenario.metricFiles()).containsOnlyKeys("checkout.om");
        assertThat(scenario.argocdApplications()).hasSize(1);
        assertThat(scenario.githubRuns()).containsOnlyKeys("acme/checkout");
        assertThat(scenario.githubDeployments()).containsOnlyKeys("acme/checkout");
    }

    @Test
    void objectsAreTypedNamespacedAndKeepTheirStatus() {
        Scenario scenario = TestScenarios.mini();

        Pod pod = object(scenario, Pod.class, "checkout-5f7b8c9d6-abcde");
        assertThat(pod.getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getLastState()
                        .getTerminated()
                        .getReason())
                .isEqualTo("OOMKilled");
        ConfigMap config = object(scenario, ConfigMap.class, "checkout-config");
        assertThat(config.getMetadata().getNamespace())
                .as("defaulted to the scenario's")
                .isEqualTo("shop");
        Node node = object(scenario, Node.class, "ip-10-0-1-23.ec2.internal");
        assertThat(node.getMetadata().getNamespace()).as("cluster-scoped").isNull();
        GenericKubernetesResource monitor = object(scenario, GenericKubernetesResource.class, "checkout");
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    }

    @Test
    void aDirectoryWithoutScenarioYamlIsRefused() {
        ScenarioException e = load("no-scenario-yaml");
        assertThat(e.file()).endsWith("no-scenario-yaml");
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).contains("no scenario.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"now", "namespace", "service", "question"})
    void aMissingRequiredKeyIsNamed(String key) {
        ScenarioException e = load("missing-" + key);
        assertThat(e.file()).endsWith("missing-" + key + "/scenario.yaml");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).isEqualTo("required key '" + key + "' is missing");
    }

    @Test
    void aNowThatIsNotRfc3339IsReportedAtItsLine() {
        ScenarioException e = load("now-not-rfc3339");
        assertThat(e.getMessage())
                .startsWith(BAD.resolve("now-not-rfc3339/scenario.yaml") + ":3: 'now' is not an RFC 3339 time");
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtItsLine() {
        ScenarioException e = load("yaml-syntax");
        assertThat(e.file()).endsWith("scenario.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).startsWith("syntax error");
    }

    @Test
    void unknownKeysAndCausesAreRefused() {
        ScenarioException unknownKey = load("unknown-key");
        assertThat(unknownKey.line()).isEqualTo(8);
        assertThat(unknownKey.problem()).startsWith("unknown key 'expect.culprt'");

        ScenarioException unknownCause = load("unknown-cause");
        assertThat(unknownCause.line()).isEqualTo(7);
        assertThat(unknownCause.problem()).startsWith("unknown cause 'out-of-memory' (one of [bad-deploy,");
    }

    @Test
    void aYamlSyntaxErrorInAKubernetesFileIsReportedAtItsLine() {
        ScenarioException e = load("kubernetes-yaml-syntax");
        assertThat(e.file()).endsWith("kubernetes/pods.yaml");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.problem())
                .isEqualTo("syntax error: while parsing a flow mapping (from line 5): expected ',' or '}', but got :");
    }

    @Test
    void aKubernetesDocumentWithoutKindIsReportedWhereItStarts() {
        ScenarioException e = load("kubernetes-no-kind");
        assertThat(e.file()).endsWith("kubernetes/objects.yaml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.problem()).isEqualTo("Kubernetes document has no kind");
    }

    @Test
    void aKubernetesDocumentWithoutApiVersionIsRefused() {
        ScenarioException e = load("kubernetes-no-api-version");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).isEqualTo("Kubernetes document has no apiVersion");
    }

    @Test
    void aListItemWithoutNameIsReportedWhereTheItemStarts() {
        ScenarioException e = load("kubernetes-list-item-no-name");
        assertThat(e.file()).endsWith("kubernetes/list.yaml");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.problem()).isEqualTo("Kubernetes document has no metadata.name");
    }

    @Test
    void theSameObjectTwiceIsRefused() {
        ScenarioException e = load("kubernetes-duplicate");
        assertThat(e.file()).endsWith("kubernetes/b.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem())
                .startsWith("duplicate v1 ConfigMap shop/one (first at ")
                .endsWith("a.yaml:1)");
    }

    @Test
    void anObjectThatDoesNotFitItsKindIsRefused() {
        ScenarioException e = load("kubernetes-wrong-type");
        assertThat(e.file()).endsWith("kubernetes/deployment.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).startsWith("not a valid Deployment (at spec.replicas): ");
    }

    @Test
    void malformedChangesAreReportedAtTheirLine() {
        ScenarioException argocd = load("argocd-malformed");
        assertThat(argocd.file()).endsWith("changes/argocd/checkout.json");
        assertThat(argocd.line()).isEqualTo(4);
        assertThat(argocd.problem()).isEqualTo("syntax error: Unexpected close marker '}': expected ']'");

        ScenarioException github = load("github-malformed");
        assertThat(github.file()).endsWith("changes/github/acme__checkout.json");
        assertThat(github.line()).isEqualTo(4);
    }

    @Test
    void aMetricsFileThatDoesNotParseIsReportedAtItsLine() {
        ScenarioException e = load("metrics-malformed");
        assertThat(e.file()).endsWith("metrics-malformed/metrics/checkout.om");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(e.file() + ":3: ");
    }

    @Test
    void runsOfAnUnknownRepositoryAreRefused() {
        ScenarioException e = load("github-no-repository");
        assertThat(e.file()).endsWith("changes/github/runs.json");
        assertThat(e.problem()).contains("<owner>__<repo>.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"log-too-shallow", "log-not-dot-log"})
    void logsOutOfShapeAreRefused(String fixture) {
        ScenarioException e = load(fixture);
        assertThat(e.file()).contains(fixture + "/logs/shop/");
        assertThat(e.problem()).startsWith("a log must be at logs/<namespace>/<pod>/<container>.log");
    }

    @Test
    void logsOfPodsOrContainersThatDoNotExistAreRefused() {
        assertThat(load("log-unknown-pod").problem()).isEqualTo("no Pod shop/checkout-2 in kubernetes/");
        assertThat(load("log-unknown-container").problem())
                .isEqualTo("Pod shop/checkout-1 has no container 'sidecar' (it has [checkout])");
    }

    @Test
    void aStrayFileIsRefusedRatherThanIgnored() {
        ScenarioException e = load("stray-file");
        assertThat(e.file()).endsWith("kubernetes/README.md");
        assertThat(e.problem()).startsWith("kubernetes/ holds only files ending in");
    }

    private static ScenarioException load(String fixture) {
        return catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(BAD.resolve(fixture)));
    }

    private static <T extends HasMetadata> T object(Scenario scenario, Class<T> type, String name) {
        return scenario.kubernetesObjects().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
