package dev.opsbot.tools.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.ALICE;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolRegistry;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubToolsTest {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ToolContext AT_THREE = ToolContext.of(
            ALICE, Duration.ofSeconds(10), Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC));

    private ToolRegistry tools;

    @BeforeEach
    void setUp() {
        tools = new ToolRegistry(GitHubTools.all(new GitHubClient(URI.create(github.baseUrl()), person -> "t")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/checkout/actions/runs"))
                .willReturn(okJson(fixture(getClass(), "runs.json"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/checkout/deployments"))
                .willReturn(okJson(fixture(getClass(), "deployments.json"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/checkout/deployments/9001/statuses"))
                .willReturn(okJson(fixture(getClass(), "statuses.json"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/checkout/deployments/9000/statuses"))
                .willReturn(okJson("[]")));
    }

    private ToolResult call(String name, String arguments) throws Exception {
        JsonNode args = Json.mapper().readTree(arguments);
        return tools.find(name).orElseThrow().call(AT_THREE, args);
    }

    @Test
    void workflowRunsAreCappedAtFiftyAndFilteredByCreationAndBranch() throws Exception {
        ToolResult.Success result = (ToolResult.Success) call(
                "github.list_workflow_runs",
                "{\"repo\": \"acme/checkout\", \"branch\": \"main\", \"minutes\": 90, \"limit\": 500}");

        github.verify(getRequestedFor(urlPathEqualTo("/repos/acme/checkout/actions/runs"))
                .withQueryParam("per_page", equalTo("50"))
                .withQueryParam("branch", equalTo("main"))
                .withQueryParam("created", equalTo(">=2026-03-10T01:30:00Z")));
        assertThat(result.data().path("runs")).hasSize(5);
        assertThat(result.data().path("runs").get(2).path("sha").asText()).isEqualTo("abc1234");
        assertThat(result.summary())
                .isEqualTo("acme/checkout: 5 workflow runs in the last 90 min (1 failed); latest: GitHub Actions"
                        + " 'deploy' run #814 on main (fffffff) by alice: success");
    }

    @Test
    void deploymentsCarryTheirLatestState() throws Exception {
        ToolResult.Success result = (ToolResult.Success)
                call("github.list_deployments", "{\"repo\": \"acme/checkout\", \"environment\": \"production\"}");

        github.verify(getRequestedFor(urlPathEqualTo("/repos/acme/checkout/deployments"))
                .withQueryParam("environment", equalTo("production"))
                .withQueryParam("per_page", equalTo("10")));
        JsonNode deployments = result.data().path("deployments");
        assertThat(deployments.get(0).path("state").asText()).isEqualTo("success");
        assertThat(deployments.get(1).path("state").asText()).isEmpty();
        assertThat(result.summary())
                .isEqualTo("acme/checkout: 2 deployments; latest: GitHub deployment of abc1234 (main) to production by"
                        + " github-actions[bot]: success");
    }

    @Test
    void aRepositoryNameThatIsNotOwnerSlashRepoIsABadRequest() throws Exception {
        assertThat(call("github.list_workflow_runs", "{\"repo\": \"checkout\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "'checkout' is not a repository name like owner/repo"));
    }
}
