package dev.opsbot.app.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.LlmConfig;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The agent's model, built from {@code llm:}. Each model calls the provider once per request (no hidden retries),
 * gives up after {@code llm.callTimeout}, logs no request or response, and fails with a LangChain4j
 * {@code RetriableException} (throttled, timed out, 5xx, unreachable) or {@code NonRetriableException} (everything
 * else) whose message never holds the API key.
 */
public final class ChatModels {
    private ChatModels() {}

    /** The configured model, or empty for {@code llm.provider: none}. Bedrock runs as the bot's own AWS identity. */
    public static Optional<ChatModel> from(LlmConfig config) {
        return from(config, null, null);
    }

    /**
     * As {@link #from(LlmConfig)}, with Bedrock's endpoint and credentials given.
     *
     * @param bedrockEndpoint where to send Bedrock calls; {@code null} lets the AWS SDK resolve it from the region,
     *     {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} or {@code AWS_ENDPOINT_URL}
     * @param botCredentials the bot's own AWS identity; {@code null} for the SDK's default chain (IRSA, instance
     *     profile, environment). Never a person's session: the model is the bot's tool, not theirs.
     */
    public static Optional<ChatModel> from(
            LlmConfig config, URI bedrockEndpoint, AwsCredentialsProvider botCredentials) {
        return switch (config.provider()) {
            case LlmConfig.BEDROCK -> Optional.of(BedrockModels.create(config, bedrockEndpoint, botCredentials));
            case LlmConfig.OPENAI -> Optional.of(OpenAiModels.create(config));
            default -> Optional.empty();
        };
    }
}
