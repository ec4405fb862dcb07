package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of the repository's scenarios/ directory loads, and everything in it is served: each object
 * through the mock API server (status included), each log through the pod log API, each application and each
 * repository's runs through the local endpoints, and the metrics through PromQL.
 */
class RepositoryScenariosTest {
    private static final Path SCENARIOS = Path.of("../scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyScenarioLoadsAndIsServed() throws IOException {
        assumeTrue(Files.isDirectory(SCENARIOS), "no scenarios/ directory beside this module");
        List<Path> directories;
        try (Stream<Path> children = Files.list(SCENARIOS)) {
            directories = children.filter(dir -> Files.isRegularFile(dir.resolve("scenario.yaml")))
                    .sorted()
                    .toList();
        }
        return directories.stream()
                .map(dir -> DynamicTest.dynamicTest(
                        dir.getFileName().toString(), () -> loadsAndIsServed(ScenarioLoader.load(dir))));
    }

    @Test
    void theBundledScenarioIsTheRepositorysCheckoutOom() {
        Path source = SCENARIOS.resolve("checkout-oom");
        assumeTrue(Files.isDirectory(source.resolve("kubernetes")), "scenarios/checkout-oom is not written yet");

        Scenario bundled = Scenarios.bundled();
        Scenario fromRepository = ScenarioLoader.load(source);

        assertThat(bundled.name()).isEqualTo(fromRepository.name());
        assertThat(bundled.kubernetesObjects()).hasSameSizeAs(fromRepository.kubernetesObjects());
        assertThat(bundled.logs()).isEqualTo(fromRepository.logs());
        assertThat(bundled.metricFiles()).isEqualTo(fromRepository.metricFiles());
    }

    private static void loadsAndIsServed(Scenario scenario) throws Exception {
        ScenarioMetrics.of(scenario);
        try (ScenarioServer server = ScenarioServer.start(scenario);
                HttpClient http = HttpClient.newHttpClient()) {
            KubernetesClient client = server.kubernetesClient();
            for (HasMetadata object : scenario.kubernetesObjects()) {
                HasMetadata served = client.resource(object).get();
                assertThat(served).as(describe(object)).isNotNull();
                if (object instanceof Pod pod) {
                    assertThat(((Pod) served).getStatus()).as(describe(object)).isEqualTo(pod.getStatus());
                }
            }
            for (Map.Entry<LogKey, String> log : scenario.logs().entrySet()) {
                LogKey key = log.getKey();
                PodResource pod = client.pods().inNamespace(key.namespace()).withName(key.pod());
                String served = key.previous()
                        ? pod.inContainer(key.container()).terminated().getLog()
                        : pod.inContainer(key.container()).getLog();
                assertThat(served).as(key.toString()).isEqualTo(withFinalNewline(log.getValue()));
            }
            for (JsonNode application : scenario.argocdApplications()) {
                String name = application.at("/metadata/name").asText();
                JsonNode served = get(http, server.argocdUrl() + "/api/v1/applications/" + name);
                assertThat(served.at("/metadata/name").asText()).isEqualTo(name);
            }
            for (String repository : scenario.githubRuns().keySet()) {
                JsonNode served = get(http, server.githubUrl() + "/repos/" + repository + "/actions/runs?per_page=100");
                assertThat(served.get("total_count").asInt())
                        .isEqualTo(scenario.githubRuns()
                                .get(repository)
                                .get("workflow_runs")
                                .size());
            }
        }
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String withFinalNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }
}
