package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChangeEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVISION_42 = "9f3c2b1a7e6d5c4b3a29180706f5e4d3c2b1a090";

    static ScenarioServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = ScenarioServer.start(TestScenarios.mini());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void argoCdListsAndReadsApplicationsWithoutTheRevisionMetadataExtension() throws Exception {
        JsonNode list = get(server.argocdUrl() + "/api/v1/applications", 200);
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.at("/items/0/metadata/name").asText()).isEqualTo("checkout");
        assertThat(list.at("/items/0").has("revisionMetadata")).isFalse();

        JsonNode application = get(server.argocdUrl() + "/api/v1/applications/checkout", 200);
        assertThat(application.at("/status/history")).hasSize(2);
        assertThat(application.at("/status/operationState/phase").asText()).isEqualTo("Succeeded");

        assertThat(get(server.argocdUrl() + "/api/v1/applications?name=payments", 200)
                        .get("items"))
                .isEmpty();
        assertThat(get(server.argocdUrl() + "/api/v1/applications/payments", 404)
                        .get("message")
                        .asText())
                .isEqualTo("applications.argoproj.io \"payments\" not found");
    }

    @Test
    void argoCdRevisionMetadataComesFromTheFilesRevisionMetadataMap() throws Exception {
        JsonNode metadata =
                get(server.argocdUrl() + "/api/v1/applications/checkout/revisions/" + REVISION_42 + "/metadata", 200);
        assertThat(metadata.get("author").asText()).startsWith("Dana Developer");
        assertThat(metadata.get("message").asText()).contains("128Mi");

        get(server.argocdUrl() + "/api/v1/applications/checkout/revisions/0000000/metadata", 404);
    }

    @Test
    void gitHubRunsArePagedAndFiltered() throws Exception {
        String runs = server.githubUrl() + "/repos/acme/checkout/actions/runs";
        JsonNode all = get(runs, 200);
        assertThat(all.get("total_count").asInt()).isEqualTo(3);
        assertThat(all.get("workflow_runs")).hasSize(3);

        JsonNode firstPage = get(runs + "?per_page=2", 200);
        assertThat(firstPage.get("workflow_runs")).hasSize(2);
        assertThat(firstPage.get("total_count").asInt()).isEqualTo(3);
        assertThat(get(runs + "?per_page=2&page=2", 200).get("workflow_runs")).hasSize(1);

        JsonNode main = get(runs + "?branch=main&per_page=100", 200);
        assertThat(main.get("total_count").asInt()).isEqualTo(2);
        assertThat(get(runs + "?status=failure", 200).get("workflow_runs")).hasSize(1);

        assertThat(server.githubRepositories()).containsExactly("acme/checkout");
        get(server.githubUrl() + "/repos/acme/payments/actions/runs", 404);
    }

    @Test
    void gitHubDeploymentsComeFromTheDeploymentsFile() throws Exception {
        String deployments = server.githubUrl() + "/repos/acme/checkout/deployments";
        assertThat(get(deployments, 200)).hasSize(2);
        assertThat(get(deployments + "?environment=production", 200)).hasSize(1);
        assertThat(get(deployments + "?per_page=1", 200)).hasSize(1);
        get(server.githubUrl() + "/repos/acme/payments/deployments", 404);
    }

    @Test
    void anythingElseIsAJson404AndWritesAreRefused() throws Exception {
        assertThat(get(server.githubUrl() + "/api/v2/nothing", 404).has("message"))
                .isTrue();

        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(server.argocdUrl() + "/api/v1/applications"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static JsonNode get(String url, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(response.body());
    }
}
