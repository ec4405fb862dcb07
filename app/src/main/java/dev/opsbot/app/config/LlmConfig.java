package dev.opsbot.app.config;

import java.util.List;

/**
 * The language model opsbot may reason with on top of its evidence. {@code none} is a complete configuration:
 * the deterministic triage answers without a model, so a missing or failing model degrades answers, never the bot.
 *
 * @param provider {@code none}, {@code bedrock} or {@code openai} (any OpenAI-compatible server)
 * @param baseUrl the OpenAI-compatible endpoint, ending in {@code /v1}; required for {@code openai}
 * @param model the model name, or for Bedrock the model id; required unless the provider is {@code none}
 * @param apiKey the key for an OpenAI-compatible server; {@code null} for none (local servers often need none)
 * @param region the AWS region for Bedrock; {@code null} leaves it to the AWS SDK's default chain
 */
public record LlmConfig(String provider, String baseUrl, String model, Secret apiKey, String region) {
    public static final String NONE = "none";
    public static final String BEDROCK = "bedrock";
    public static final String OPENAI = "openai";

    private static final List<String> PROVIDERS = List.of(NONE, BEDROCK, OPENAI);

    public LlmConfig {
        provider = Checks.oneOf("llm.provider", provider == null ? NONE : provider, "a model provider", PROVIDERS);
        baseUrl = Checks.httpUrl("llm.baseUrl", baseUrl, "https://api.openai.com/v1");
        model = Checks.blankToNull(model);
        region = Checks.blankToNull(region);
        if (provider.equals(OPENAI) && baseUrl == null) {
            throw required(
                    provider,
                    "llm.baseUrl",
                    "the endpoint, such as https://api.openai.com/v1 or http://localhost:11434/v1");
        }
        if (!provider.equals(NONE) && model == null) {
            throw required(
                    provider,
                    "llm.model",
                    provider.equals(BEDROCK)
                            ? "a Bedrock model id such as anthropic.claude-3-5-sonnet-20240620-v1:0"
                            : "the model name, such as gpt-4o-mini");
        }
    }

    public static LlmConfig defaults() {
        return new LlmConfig(NONE, null, null, null, null);
    }

    /** Whether a model is configured at all. */
    public boolean enabled() {
        return !provider.equals(NONE);
    }

    // static: in a compact constructor the fields are not assigned yet
    private static ConfigException required(String provider, String key, String what) {
        return new ConfigException(
                key,
                null,
                "is not set, but llm.provider is " + provider,
                "set " + key + EnvOverrides.hint(key) + " to " + what + ", or set llm.provider: none");
    }

    static LlmConfig from(ConfigNode node) {
        LlmConfig config = new LlmConfig(
                node.string("provider", NONE),
                node.text("baseUrl"),
                node.text("model"),
                node.secret("apiKey"),
                node.text("region"));
        node.rejectUnknown();
        return config;
    }
}
