package dev.opsbot.app.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.opsbot.app.llm.PodLogsScript.body;
import static dev.opsbot.app.llm.PodLogsScript.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An OpenAI-compatible server as the real {@code ChatModel} speaks to it: chat completions with tools. */
class OpenAiChatModelWireTest {
    static final String API_KEY = "sk-opsbot-test-4f9a1c2e7b";
    static final String MODEL = "gpt-4o-mini";
    static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void aToolCallAndItsResultMakeATwoStepExchange() {
        wireMock.stubFor(post(urlEqualTo(PATH))
                .inScenario("agent")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("tool ran")
                .willReturn(json200("""
                        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
                         "choices": [{"index": 0, "finish_reason": "tool_calls",
                           "message": {"role": "assistant", "content": null,
                             "tool_calls": [{"id": "call_7Qx", "type": "function",
                               "function": {"name": "pod_logs",
                                            "arguments": "{\\"namespace\\":\\"shop\\",\\"tailLines\\":200}"}}]}}],
                         "usage": {"prompt_tokens": 120, "completion_tokens": 25, "total_tokens": 145}}
                        """)));
        wireMock.stubFor(post(urlEqualTo(PATH))
                .inScenario("agent")
                .whenScenarioStateIs("tool ran")
                .willReturn(json200("""
                        {"id": "chatcmpl-2", "object": "chat.completion", "created": 1700000001, "model": "gpt-4o-mini",
                         "choices": [{"index": 0, "finish_reason": "stop",
                           "message": {"role": "assistant",
                                       "content": "checkout is OOMKilled: its memory limit is too low."}}],
                         "usage": {"prompt_tokens": 310, "completion_tokens": 42, "total_tokens": 352}}
                        """)));
        ChatModel model = model(new Secret(API_KEY));

        ChatResponse first = model.chat(PodLogsScript.firstRequest());
        ChatResponse second = model.chat(PodLogsScript.secondRequest(first.aiMessage()));

        assertThat(first.aiMessage().toolExecutionRequests())
                .containsExactly(ToolExecutionRequest.builder()
                        .id("call_7Qx")
                        .name("pod_logs")
                        .arguments("{\"namespace\":\"shop\",\"tailLines\":200}")
                        .build());
        assertThat(first.tokenUsage().inputTokenCount()).isEqualTo(120);
        assertThat(second.aiMessage().text()).isEqualTo(PodLogsScript.ANSWER);
        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(second.tokenUsage().inputTokenCount()).isEqualTo(310);
        assertThat(second.tokenUsage().outputTokenCount()).isEqualTo(42);

        List<LoggedRequest> calls = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.getUrl()).isEqualTo(PATH);
            assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
            JsonNode body = body(call);
            assertThat(body.path("model").asText()).isEqualTo(MODEL);
            assertThat(body.path("max_tokens").asInt())
                    .as("llm.maxOutputTokens")
                    .isEqualTo(1_500);
            assertThat(body.path("stream").asBoolean(false)).isFalse();
            assertThat(body.path("tools"))
                    .as("the tool offered, with its schema")
                    .isEqualTo(json("""
                            [{"type": "function", "function": {
                               "name": "pod_logs", "description": "The last lines of a workload's logs.",
                               "parameters": {"type": "object",
                                 "properties": {
                                   "namespace": {"type": "string", "description": "the Kubernetes namespace"},
                                   "tailLines": {"type": "integer", "description": "how many lines from the end"}},
                                 "required": ["namespace"]}}}]
                            """));
        });
        JsonNode followUp = body(calls.get(1)).path("messages");
        assertThat(followUp).hasSize(4);
        assertThat(followUp.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(followUp.get(2).path("tool_calls").get(0).path("id").asText())
                .isEqualTo("call_7Qx");
        assertThat(followUp.get(2)
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"namespace\":\"shop\",\"tailLines\":200}");
        assertThat(followUp.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(followUp.get(3).path("tool_call_id").asText()).isEqualTo("call_7Qx");
        assertThat(followUp.get(3).path("content").asText()).isEqualTo(PodLogsScript.TOOL_OUTPUT);
    }

    @Test
    void aServerWithoutKeyGetsNoAuthorizationHeader() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(json200("""
                        {"id": "chatcmpl-3", "object": "chat.completion", "created": 1700000000, "model": "llama3.1",
                         "choices": [{"index": 0, "finish_reason": "stop",
                           "message": {"role": "assistant", "content": "hello"}}]}
                        """)));

        String answer = model(null).chat("hi");

        assertThat(answer).isEqualTo("hello");
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).singleElement().satisfies(call -> assertThat(
                        call.containsHeader("Authorization"))
                .isFalse());
    }

    @Test
    void aKeyTheServerEchoesBackIsBlankedInTheFailure() {
        wireMock.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing("\"model\""))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Incorrect API key provided: " + API_KEY
                                + "\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}")));

        Throwable failure =
                FailureAssertions.failureOf(() -> model(new Secret(API_KEY)).chat("hi"));

        assertThat(failure).isInstanceOf(dev.langchain4j.exception.AuthenticationException.class);
        assertThat(failure.getMessage()).contains("Incorrect API key provided: ***");
        FailureAssertions.assertNoTraceOf(failure, API_KEY);
    }

    @Test
    void openAiItselfGetsMaxCompletionTokensAndOtherServersMaxTokens() {
        assertThat(OpenAiModels.wantsMaxCompletionTokens("https://api.openai.com/v1"))
                .isTrue();
        assertThat(OpenAiModels.wantsMaxCompletionTokens("https://contoso.openai.azure.com/openai/v1"))
                .isTrue();
        assertThat(OpenAiModels.wantsMaxCompletionTokens("http://localhost:11434/v1"))
                .isFalse();
        assertThat(OpenAiModels.wantsMaxCompletionTokens("http://vllm.internal:8000/v1"))
                .isFalse();
    }

    private static ChatModel model(Secret apiKey) {
        LlmConfig config = PodLogsScript.config(
                LlmConfig.OPENAI, wireMock.baseUrl() + "/v1", MODEL, apiKey, Duration.ofSeconds(5));
        return ChatModels.from(config).orElseThrow();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json200(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
