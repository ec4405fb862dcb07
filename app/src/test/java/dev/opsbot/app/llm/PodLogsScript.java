package dev.opsbot.app.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The two-step exchange every provider is driven through: the model asks for a tool, gets its result, answers.
 * The same messages the agent would send, built with LangChain4j's own types.
 */
final class PodLogsScript {
    static final String SYSTEM = "You are opsbot. Answer from the evidence.";
    static final String QUESTION = "Why is checkout failing in shop?";
    static final String TOOL = "pod_logs";
    static final String TOOL_OUTPUT = "checkout-7d9f OOMKilled; restarts=4";
    static final String ANSWER = "checkout is OOMKilled: its memory limit is too low.";

    static final ToolSpecification POD_LOGS = ToolSpecification.builder()
            .name(TOOL)
            .description("The last lines of a workload's logs.")
            .parameters(JsonObjectSchema.builder()
                    .addStringProperty("namespace", "the Kubernetes namespace")
                    .addIntegerProperty("tailLines", "how many lines from the end")
                    .required("namespace")
                    .build())
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private PodLogsScript() {}

    static ChatRequest firstRequest() {
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM), UserMessage.from(QUESTION))
                .toolSpecifications(POD_LOGS)
                .build();
    }

    /** The follow-up the agent sends once it ran the tool the model asked for in {@code toolCall}. */
    static ChatRequest secondRequest(AiMessage toolCall) {
        return ChatRequest.builder()
                .messages(
                        SystemMessage.from(SYSTEM),
                        UserMessage.from(QUESTION),
                        toolCall,
                        ToolExecutionResultMessage.from(
                                toolCall.toolExecutionRequests().getFirst(), TOOL_OUTPUT))
                .toolSpecifications(POD_LOGS)
                .build();
    }

    static LlmConfig config(String provider, String baseUrl, String model, Secret apiKey, Duration callTimeout) {
        return new LlmConfig(
                provider,
                baseUrl,
                model,
                apiKey,
                "us-east-1",
                8,
                24_000,
                1_500,
                Duration.ofSeconds(60),
                callTimeout,
                2,
                Duration.ofSeconds(1));
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
