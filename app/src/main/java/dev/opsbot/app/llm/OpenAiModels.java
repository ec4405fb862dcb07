package dev.opsbot.app.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.Secret;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** A model behind any OpenAI-compatible chat completions endpoint: OpenAI, Azure OpenAI, vLLM, Ollama. */
final class OpenAiModels {
    private OpenAiModels() {}

    static ChatModel create(LlmConfig config) {
        String apiKey = config.apiKey() == null ? null : config.apiKey().value();
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                // no key sends no Authorization header at all, which is what local servers expect
                .apiKey(apiKey)
                .modelName(config.model())
                .timeout(config.callTimeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        if (wantsMaxCompletionTokens(config.baseUrl())) {
            builder.maxCompletionTokens(config.maxOutputTokens());
        } else {
            builder.maxTokens(config.maxOutputTokens());
        }
        return new ClassifiedChatModel(
                builder.build(), new ModelFailures(LlmConfig.OPENAI, config.model(), secrets(config.apiKey())));
    }

    /**
     * OpenAI and Azure OpenAI refuse {@code max_tokens} for their reasoning models and take
     * {@code max_completion_tokens} for all; other compatible servers (vLLM, Ollama, LiteLLM) have long read
     * {@code max_tokens}, and not all of them read the newer name.
     */
    static boolean wantsMaxCompletionTokens(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("api.openai.com") || host.endsWith(".openai.azure.com");
    }

    private static List<String> secrets(Secret apiKey) {
        return apiKey == null ? List.of() : List.of(apiKey.value());
    }
}
