package dev.opsbot.app.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.opsbot.app.llm.PodLogsScript.body;
import static dev.opsbot.app.llm.PodLogsScript.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.opsbot.app.config.LlmConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Bedrock's Converse API as the real {@code ChatModel} speaks to it, signed as the bot. */
class BedrockChatModelWireTest {
    static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final String CONVERSE_PATH = "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse";
    static final String BOT_KEY_ID = "AKIAOPSBOTLLMEXAMPLE";
    static final String BOT_SECRET = "opsbotLlmSecretKey/EXAMPLE0123456789";
    static final StaticCredentialsProvider BOT =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(BOT_KEY_ID, BOT_SECRET));

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void aToolUseAndItsResultMakeATwoStepExchange() {
        wireMock.stubFor(post(urlPathMatching("/model/.*/converse"))
                .inScenario("agent")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("tool ran")
                .willReturn(json200("""
                        {"output": {"message": {"role": "assistant", "content": [
                           {"text": "Let me read the logs."},
                           {"toolUse": {"toolUseId": "tooluse_Kx1", "name": "pod_logs",
                                        "input": {"namespace": "shop", "tailLines": 200}}}]}},
                         "stopReason": "tool_use",
                         "usage": {"inputTokens": 120, "outputTokens": 25, "totalTokens": 145},
                         "metrics": {"latencyMs": 420}}
                        """)));
        wireMock.stubFor(post(urlPathMatching("/model/.*/converse"))
                .inScenario("agent")
                .whenScenarioStateIs("tool ran")
                .willReturn(json200("""
                        {"output": {"message": {"role": "assistant", "content": [
                           {"text": "checkout is OOMKilled: its memory limit is too low."}]}},
                         "stopReason": "end_turn",
                         "usage": {"inputTokens": 310, "outputTokens": 42, "totalTokens": 352},
                         "metrics": {"latencyMs": 800}}
                        """)));
        ChatModel model = model(Duration.ofSeconds(5));

        ChatResponse first = model.chat(PodLogsScript.firstRequest());
        ChatResponse second = model.chat(PodLogsScript.secondRequest(first.aiMessage()));

        assertThat(first.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_Kx1");
            assertThat(call.name()).isEqualTo("pod_logs");
            assertThat(json(call.arguments())).isEqualTo(json("{\"namespace\": \"shop\", \"tailLines\": 200}"));
        });
        assertThat(first.tokenUsage().inputTokenCount()).isEqualTo(120);
        assertThat(second.aiMessage().text()).isEqualTo(PodLogsScript.ANSWER);
        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(second.tokenUsage().inputTokenCount()).isEqualTo(310);
        assertThat(second.tokenUsage().outputTokenCount()).isEqualTo(42);

        List<LoggedRequest> calls = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.getUrl()).isEqualTo(CONVERSE_PATH);
            assertThat(call.getHeader("Authorization"))
                    .as("SigV4, signed with the bot's own key")
                    .matches("AWS4-HMAC-SHA256 Credential=" + BOT_KEY_ID
                            + "/\\d{8}/us-east-1/bedrock/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}");
            JsonNode body = body(call);
            assertThat(body.path("inferenceConfig").path("maxTokens").asInt())
                    .as("llm.maxOutputTokens")
                    .isEqualTo(1_500);
            assertThat(body.path("system").get(0).path("text").asText()).isEqualTo(PodLogsScript.SYSTEM);
            assertThat(body.path("toolConfig").path("tools"))
                    .as("the tool offered, with its schema")
                    .isEqualTo(json("""
                            [{"toolSpec": {
                               "name": "pod_logs", "description": "The last lines of a workload's logs.",
                               "inputSchema": {"json": {"type": "object",
                                 "properties": {
                                   "namespace": {"type": "string", "description": "the Kubernetes namespace"},
                                   "tailLines": {"type": "integer", "description": "how many lines from the end"}},
                                 "required": ["namespace"]}}}}]
                            """));
        });
        JsonNode followUp = body(calls.get(1)).path("messages");
        assertThat(followUp).hasSize(3);
        assertThat(followUp.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(followUp.get(1).path("content").findValue("toolUse")).isEqualTo(json("""
                        {"toolUseId": "tooluse_Kx1", "name": "pod_logs", "input": {"namespace": "shop", "tailLines": 200}}
                        """));
        assertThat(followUp.get(2).path("role").asText()).isEqualTo("user");
        JsonNode toolResult = followUp.get(2).path("content").get(0).path("toolResult");
        assertThat(toolResult.path("toolUseId").asText()).isEqualTo("tooluse_Kx1");
        assertThat(toolResult.path("content").get(0).path("text").asText()).isEqualTo(PodLogsScript.TOOL_OUTPUT);
    }

    @Test
    void theClientRunsInTheConfiguredRegionOnceWithTheCallTimeout() {
        LlmConfig config = PodLogsScript.config(LlmConfig.BEDROCK, null, MODEL, null, Duration.ofSeconds(7));

        try (BedrockRuntimeClient client = BedrockModels.client(config, URI.create(wireMock.baseUrl()), BOT)) {
            var configuration = client.serviceClientConfiguration();
            assertThat(configuration.region()).isEqualTo(Region.US_EAST_1);
            assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(7));
            assertThat(configuration.overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(
                            strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
        }
    }

    static ChatModel model(Duration callTimeout) {
        LlmConfig config = PodLogsScript.config(LlmConfig.BEDROCK, null, MODEL, null, callTimeout);
        return ChatModels.from(config, URI.create(wireMock.baseUrl()), BOT).orElseThrow();
    }

    private static ResponseDefinitionBuilder json200(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
