package dev.opsbot.app.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.Secret;
import java.time.Duration;

class OpenAiFailureContractTest extends ModelFailureContract {
    private static final String API_KEY = "sk-opsbot-contract-88d1e0";

    @Override
    ChatModel model(String baseUrl, Duration callTimeout) {
        LlmConfig config = PodLogsScript.config(
                LlmConfig.OPENAI, baseUrl + "/v1", "gpt-4o-mini", new Secret(API_KEY), callTimeout);
        return ChatModels.from(config).orElseThrow();
    }

    @Override
    MappingBuilder modelCall() {
        return post(urlEqualTo("/v1/chat/completions"));
    }

    @Override
    RequestPatternBuilder modelCalls() {
        return postRequestedFor(urlEqualTo("/v1/chat/completions"));
    }

    @Override
    ResponseDefinitionBuilder throttled() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "2")
                .withBody("""
                        {"error": {"message": "Rate limit reached for gpt-4o-mini on tokens per min (TPM)",
                                   "type": "tokens", "code": "rate_limit_exceeded"}}
                        """);
    }

    @Override
    ResponseDefinitionBuilder error(int status, String awsErrorType, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"" + message + "\", \"type\": \"server_error\"}}");
    }

    @Override
    ResponseDefinitionBuilder answer() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "chatcmpl-9", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": "late"}}]}
                        """);
    }

    @Override
    String secret() {
        return API_KEY;
    }

    @Override
    String provider() {
        return "openai";
    }
}
