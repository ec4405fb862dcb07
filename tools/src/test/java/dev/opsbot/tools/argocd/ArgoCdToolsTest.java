package dev.opsbot.tools.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolRegistry;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Json;
import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArgoCdToolsTest {
    @RegisterExtension
    static WireMockExtension argo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ToolRegistry tools;

    @BeforeEach
    void setUp() {
        tools = new ToolRegistry(ArgoCdTools.all(new ArgoCdClient(URI.create(argo.baseUrl()), person -> "t")));
        String list = fixture(getClass(), "applications.json");
        argo.stubFor(get("/api/v1/applications").willReturn(okJson(list)));
        JsonNode checkout = readTree(list).path("items").get(1);
        argo.stubFor(get("/api/v1/applications/checkout").willReturn(okJson(checkout.toString())));
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ToolResult call(String name, String arguments) {
        Tool tool = tools.find(name).orElseThrow();
        return tool.call(generous(), readTree(arguments));
    }

    @Test
    void theToolsAreReadOnlyAndNamedForTheirDomain() {
        assertThat(tools.specs())
                .extracting(spec -> spec.name() + ":" + spec.risk())
                .containsExactly(
                        "argocd.list_applications:READ", "argocd.get_application:READ", "argocd.sync_history:READ");
    }

    @Test
    void getApplicationAnswersSyncHealthAndTheUnhealthyResources() {
        ToolResult result = call("argocd.get_application", "{\"name\": \"checkout\"}");

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        ToolResult.Success success = (ToolResult.Success) result;
        assertThat(success.summary())
                .isEqualTo("checkout: Synced to git abc1234, Degraded; not Healthy: Deployment shop/checkout");
        assertThat(success.data().path("unhealthyResources")).hasSize(1);
        assertThat(success.data()
                        .path("unhealthyResources")
                        .get(0)
                        .path("message")
                        .asText())
                .isEqualTo("Deployment \"checkout\" exceeded its progress deadline");
        assertThat(success.data().path("operation").path("phase").asText()).isEqualTo("Succeeded");
    }

    @Test
    void syncHistoryIsNewestFirstWithSourceAndInitiator() {
        ToolResult.Success result =
                (ToolResult.Success) call("argocd.sync_history", "{\"name\": \"checkout\", \"limit\": 2}");

        JsonNode history = result.data().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("id").asLong()).isEqualTo(42);
        assertThat(history.get(0).path("deployStartedAt").asText()).isEqualTo("2026-03-10T02:31:00Z");
        assertThat(history.get(0).path("initiatedBy").path("automated").asBoolean())
                .isTrue();
        assertThat(history.get(1).path("initiatedBy").path("username").asText()).isEqualTo("bob");
        assertThat(history.get(1).path("source").path("repoURL").asText()).isEqualTo("https://github.com/acme/deploy");
        assertThat(result.summary())
                .isEqualTo(
                        "checkout: 3 syncs, last #42 to git abc1234 at 2026-03-10T02:31:04Z; last operation Succeeded");
    }

    @Test
    void syncHistoryKeepsAtMostTwentyEntries() {
        String entries = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "{\"id\": " + i + ", \"revision\": \"r" + i + "\", \"deployedAt\": \"2026-03-0"
                        + (1 + i % 9) + "T00:00:00Z\"}")
                .collect(Collectors.joining(","));
        argo.stubFor(get("/api/v1/applications/busy")
                .willReturn(
                        okJson("{\"metadata\": {\"name\": \"busy\"}, \"status\": {\"history\": [" + entries + "]}}")));

        ToolResult.Success result =
                (ToolResult.Success) call("argocd.sync_history", "{\"name\": \"busy\", \"limit\": 100}");

        JsonNode history = result.data().path("history");
        assertThat(history).hasSize(20);
        assertThat(history.get(0).path("id").asInt()).isEqualTo(30);
        assertThat(history.get(19).path("id").asInt()).isEqualTo(11);
    }

    @Test
    void listApplicationsFiltersByNamespaceAndCapsTheList() {
        ToolResult.Success result =
                (ToolResult.Success) call("argocd.list_applications", "{\"namespace\": \"shop\", \"limit\": 2}");

        assertThat(result.data().path("total").asInt()).isEqualTo(3);
        assertThat(result.data().path("applications")).hasSize(2);
        assertThat(result.summary()).isEqualTo("3 applications (2 not Healthy, 1 not Synced), first 2 shown");
    }

    @Test
    void failuresAreErrorResultsNotExceptions() {
        argo.stubFor(get("/api/v1/applications/gone").willReturn(aResponse().withStatus(404)));

        assertThat(call("argocd.get_application", "{\"name\": \"gone\"}"))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.NOT_FOUND, "argocd has no application gone"));
        assertThat(call("argocd.sync_history", "{}"))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.BAD_REQUEST, "argument 'name' is required"));
    }
}
