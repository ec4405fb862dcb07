package dev.opsbot.tools.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.actions.ActionTool;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.TestContexts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArgoCdActionsTest {
    @RegisterExtension
    static WireMockExtension argo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private List<ActionTool> actions;
    private String checkout;

    @BeforeEach
    void setUp() throws Exception {
        actions = ArgoCdActions.all(
                new ArgoCdClient(URI.create(argo.baseUrl()), person -> "token-of-" + person.subject()));
        checkout = Json.mapper()
                .readTree(fixture(ArgoCdToolsTest.class, "applications.json"))
                .path("items")
                .get(1)
                .toString();
        argo.stubFor(get("/api/v1/applications/checkout").willReturn(okJson(checkout)));
    }

    private ActionTool tool(String name) {
        return actions.stream()
                .filter(t -> t.spec().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theActionsAreWritesNamedForArgoCd() {
        assertThat(actions)
                .extracting(t -> t.spec().name() + ":" + t.spec().risk())
                .containsExactly("argocd.sync:WRITE", "argocd.rollback:WRITE");
    }

    @Test
    void syncPostsToTheSyncEndpointAsThePersonPruningNothing() {
        argo.stubFor(post("/api/v1/applications/checkout/sync").willReturn(okJson(checkout)));
        ActionTool sync = tool("argocd.sync");

        ToolResult result = sync.call(generous(), sync.arguments("Application/argocd/checkout", Map.of()));

        assertThat(((ToolResult.Success) result).summary()).isEqualTo("Argo CD application checkout: sync started");
        argo.verify(postRequestedFor(urlEqualTo("/api/v1/applications/checkout/sync"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice@example.com"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"dryRun\": false, \"prune\": false}")));
    }

    @Test
    void rollbackReadsTheHistoryThenPostsTheId() {
        argo.stubFor(post("/api/v1/applications/checkout/rollback").willReturn(okJson(checkout)));
        ActionTool rollback = tool("argocd.rollback");

        ToolResult result = rollback.call(generous(), rollback.arguments("Application/checkout", Map.of("id", 41)));

        assertThat(((ToolResult.Success) result).summary())
                .isEqualTo("Argo CD application checkout rolling back to history id 41 (git bbbbbbb)");
        argo.verify(postRequestedFor(urlEqualTo("/api/v1/applications/checkout/rollback"))
                .withRequestBody(equalToJson("{\"id\": 41, \"dryRun\": false, \"prune\": false}")));
    }

    @Test
    void rollbackToAnIdArgoCdDoesNotHaveIsRefusedWithoutAWrite() {
        ActionTool rollback = tool("argocd.rollback");

        ToolResult result = rollback.call(generous(), rollback.arguments("Application/checkout", Map.of("id", 7)));

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "Argo CD application checkout has no history id 7 (ids kept: [40, 41, 42])"));
        argo.verify(0, postRequestedFor(urlEqualTo("/api/v1/applications/checkout/rollback")));
    }

    @Test
    void rollbackToWhatIsDeployedIsRefused() {
        ActionTool rollback = tool("argocd.rollback");

        ToolResult result = rollback.call(generous(), rollback.arguments("Application/checkout", Map.of("id", 42)));

        assertThat(((ToolResult.Error) result).reason())
                .isEqualTo("history id 42 is what Argo CD deployed last for checkout: nothing to roll back to");
    }

    @Test
    void argoCdsOwnRefusalIsPassedOnInItsWords() {
        argo.stubFor(post("/api/v1/applications/checkout/rollback")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"rollback cannot be initiated when auto-sync is enabled\",\"code\":9,"
                                + "\"message\":\"rollback cannot be initiated when auto-sync is enabled\"}")));
        ActionTool rollback = tool("argocd.rollback");

        ToolResult result = rollback.call(generous(), rollback.arguments("Application/checkout", Map.of("id", 41)));

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "argocd refused the rollback of checkout to history id 41: rollback cannot be initiated"
                                + " when auto-sync is enabled"));
    }

    @Test
    void aWriteWithNoAnswerSaysItsEffectIsUnknown() {
        argo.stubFor(post("/api/v1/applications/checkout/sync")
                .willReturn(okJson(checkout).withFixedDelay(2_000)));
        ActionTool sync = tool("argocd.sync");

        ToolResult result = sync.call(
                TestContexts.within(Duration.ofMillis(300)), sync.arguments("Application/checkout", Map.of()));

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.TIMEOUT,
                        "argocd did not answer in time for the sync of checkout: whether it took effect is unknown"));
    }

    @Test
    void eachActionDeclaresItsRequests() {
        ActionTool rollback = tool("argocd.rollback");
        JsonNode arguments = rollback.arguments("Application/argocd/checkout", Map.of("id", 41));

        assertThat(rollback.requests(arguments, "production", "alice@example.com"))
                .extracting(PolicyRequest::describe)
                .containsExactly(
                        "get applications checkout (argocd, production)",
                        "rollback applications checkout (argocd, production)");
        ActionTool sync = tool("argocd.sync");
        assertThat(sync.requests(sync.arguments("Application/checkout", Map.of()), "production", "alice@example.com"))
                .extracting(PolicyRequest::describe)
                .containsExactly("sync applications checkout (argocd, production)");
    }

    @Test
    void aTargetThatIsNotAnApplicationOrAMissingIdIsRefused() {
        ActionTool rollback = tool("argocd.rollback");

        assertThatThrownBy(() -> rollback.arguments("Deployment/shop/checkout", Map.of("id", 41)))
                .hasMessage("argocd.rollback acts on Applications, not on Deployment shop/checkout");
        assertThatThrownBy(() -> rollback.requests(
                        rollback.arguments("Application/checkout", Map.of()), "production", "alice@example.com"))
                .hasMessage("argument 'id' is required");
    }
}
