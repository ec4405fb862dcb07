package dev.opsbot.app.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.LlmConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BedrockFailureContractTest extends ModelFailureContract {
    @Override
    ChatModel model(String baseUrl, Duration callTimeout) {
        LlmConfig config =
                PodLogsScript.config(LlmConfig.BEDROCK, null, BedrockChatModelWireTest.MODEL, null, callTimeout);
        return ChatModels.from(config, URI.create(baseUrl), BedrockChatModelWireTest.BOT)
                .orElseThrow();
    }

    @Override
    MappingBuilder modelCall() {
        return post(urlPathMatching("/model/.*/converse"));
    }

    @Override
    RequestPatternBuilder modelCalls() {
        return postRequestedFor(urlPathMatching("/model/.*/converse"));
    }

    @Override
    ResponseDefinitionBuilder throttled() {
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    @Override
    ResponseDefinitionBuilder error(int status, String awsErrorType, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", awsErrorType)
                .withHeader("x-amzn-RequestId", "5f1c8e2a-0000-4000-8000-000000000001")
                .withBody("{\"message\": \"" + message + "\"}");
    }

    @Override
    ResponseDefinitionBuilder answer() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"output": {"message": {"role": "assistant", "content": [{"text": "late"}]}},
                         "stopReason": "end_turn", "usage": {"inputTokens": 3, "outputTokens": 1, "totalTokens": 4},
                         "metrics": {"latencyMs": 4000}}
                        """);
    }

    @Override
    String secret() {
        return BedrockChatModelWireTest.BOT_SECRET;
    }

    @Override
    String provider() {
        return "bedrock";
    }

    @Test
    void throttlingNamedOnlyByItsErrorCodeIsStillARateLimit() {
        wireMock.stubFor(modelCall().willReturn(error(400, "ThrottlingException", "Rate exceeded")));

        Throwable failure = FailureAssertions.failureOf(
                () -> model(wireMock.baseUrl(), CALL_TIMEOUT).chat("hi"));

        assertThat(failure).isInstanceOf(RateLimitException.class);
        assertThat(wireMock.findAll(modelCalls())).hasSize(1);
    }

    @Test
    void aModelThatTimedOutInsideBedrockIsATimeout() {
        wireMock.stubFor(modelCall().willReturn(error(408, "ModelTimeoutException", "Model has timed out")));

        Throwable failure = FailureAssertions.failureOf(
                () -> model(wireMock.baseUrl(), CALL_TIMEOUT).chat("hi"));

        assertThat(failure).isInstanceOf(TimeoutException.class);
        assertThat(wireMock.findAll(modelCalls())).hasSize(1);
    }
}
