package dev.opsbot.app.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatModelsTest {
    @Test
    void noneIsNoModel() {
        assertThat(ChatModels.from(LlmConfig.defaults())).isEmpty();
    }

    @Test
    void anOpenAiModelCarriesTheModelNameAndOutputLimitAsDefaults() {
        LlmConfig config = PodLogsScript.config(
                LlmConfig.OPENAI,
                "http://localhost:11434/v1",
                "llama3.1",
                new Secret("k-123456"),
                Duration.ofSeconds(5));

        ChatModel model = ChatModels.from(config).orElseThrow();

        assertThat(model.provider()).isEqualTo(ModelProvider.OPEN_AI);
        assertThat(model.defaultRequestParameters().modelName()).isEqualTo("llama3.1");
        assertThat(model.defaultRequestParameters().maxOutputTokens()).isEqualTo(1_500);
        assertThat(model.toString()).doesNotContain("k-123456");
    }

    @Test
    void aBedrockModelCarriesTheModelIdAndOutputLimitAsDefaults() {
        LlmConfig config = PodLogsScript.config(
                LlmConfig.BEDROCK,
                null,
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
                null,
                Duration.ofSeconds(5));

        ChatModel model = ChatModels.from(config, URI.create("http://localhost:1"), BedrockChatModelWireTest.BOT)
                .orElseThrow();

        assertThat(model.provider()).isEqualTo(ModelProvider.AMAZON_BEDROCK);
        assertThat(model.defaultRequestParameters().modelName()).isEqualTo(config.model());
        assertThat(model.defaultRequestParameters().maxOutputTokens()).isEqualTo(1_500);
    }
}
