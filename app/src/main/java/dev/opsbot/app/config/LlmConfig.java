package dev.opsbot.app.config;

import java.time.Duration;
import java.util.List;

/**
 * The language model opsbot may reason with on top of its evidence, and the budgets the agent keeps to when it
 * does. {@code none} is a complete configuration: the deterministic triage answers without a model, so a missing
 * or failing model degrades answers, never the bot.
 *
 * @param provider {@code none}, {@code bedrock} or {@code openai} (any OpenAI-compatible server)
 * @param baseUrl the OpenAI-compatible endpoint, ending in {@code /v1}; required for {@code openai}
 * @param model the model name, or for Bedrock the model id or inference profile; required unless {@code none}
 * @param apiKey the key for an OpenAI-compatible server; {@code null} for none (local servers often need none)
 * @param region the AWS region for Bedrock; {@code null} leaves it to the AWS SDK's default chain
 * @param maxSteps model calls the agent may make for one answer, 1 to 32
 * @param maxInputTokens input tokens the agent may spend on one answer, summed over its model calls
 * @param maxOutputTokens output tokens one model call may produce
 * @param timeout wall-clock limit for one whole answer, every model call and tool call included
 * @param callTimeout limit for one model HTTP call; at most {@code timeout}
 * @param retries retries of a model call that failed for a passing reason (throttling, timeout, 5xx), 0 to 5
 * @param backoff the wait before the first retry; the agent doubles it for each next one and adds jitter
 */
public record LlmConfig(
        String provider,
        String baseUrl,
        String model,
        Secret apiKey,
        String region,
        int maxSteps,
        int maxInputTokens,
        int maxOutputTokens,
        Duration timeout,
        Duration callTimeout,
        int retries,
        Duration backoff) {
    public static final String NONE = "none";
    public static final String BEDROCK = "bedrock";
    public static final String OPENAI = "openai";

    public static final int DEFAULT_MAX_STEPS = 8;
    public static final int DEFAULT_MAX_INPUT_TOKENS = 24_000;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1_500;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    static final IntRule MAX_STEPS = new IntRule(1, 32, "a number of model calls per answer");
    static final IntRule MAX_INPUT_TOKENS = new IntRule(1_000, 2_000_000, "a number of input tokens per answer");
    static final IntRule MAX_OUTPUT_TOKENS = new IntRule(16, 200_000, "a number of output tokens per model call");
    static final IntRule RETRIES = new IntRule(0, 5, "a number of retries");
    static final DurationRule TIMEOUT = new DurationRule(Duration.ofSeconds(5), Duration.ofMinutes(15));
    static final DurationRule CALL_TIMEOUT = new DurationRule(Duration.ofSeconds(1), Duration.ofMinutes(10));
    static final DurationRule BACKOFF = new DurationRule(Duration.ofMillis(100), Duration.ofMinutes(1));

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
        MAX_STEPS.check("llm.maxSteps", maxSteps);
        MAX_INPUT_TOKENS.check("llm.maxInputTokens", maxInputTokens);
        MAX_OUTPUT_TOKENS.check("llm.maxOutputTokens", maxOutputTokens);
        timeout = TIMEOUT.check("llm.timeout", timeout);
        callTimeout = CALL_TIMEOUT.check("llm.callTimeout", callTimeout);
        RETRIES.check("llm.retries", retries);
        backoff = BACKOFF.check("llm.backoff", backoff);
        if (callTimeout.compareTo(timeout) > 0) {
            throw new ConfigException(
                    "llm.callTimeout",
                    Durations.format(callTimeout),
                    "is longer than llm.timeout (" + Durations.format(timeout) + ")",
                    "one model call must fit in the whole answer: shorten llm.callTimeout or lengthen llm.timeout");
        }
    }

    /** A model with the default budgets. */
    public LlmConfig(String provider, String baseUrl, String model, Secret apiKey, String region) {
        this(
                provider,
                baseUrl,
                model,
                apiKey,
                region,
                DEFAULT_MAX_STEPS,
                DEFAULT_MAX_INPUT_TOKENS,
                DEFAULT_MAX_OUTPUT_TOKENS,
                DEFAULT_TIMEOUT,
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_RETRIES,
                DEFAULT_BACKOFF);
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
                node.text("region"),
                node.integer("maxSteps", DEFAULT_MAX_STEPS, MAX_STEPS),
                node.integer("maxInputTokens", DEFAULT_MAX_INPUT_TOKENS, MAX_INPUT_TOKENS),
                node.integer("maxOutputTokens", DEFAULT_MAX_OUTPUT_TOKENS, MAX_OUTPUT_TOKENS),
                node.duration("timeout", DEFAULT_TIMEOUT, TIMEOUT),
                node.duration("callTimeout", DEFAULT_CALL_TIMEOUT, CALL_TIMEOUT),
                node.integer("retries", DEFAULT_RETRIES, RETRIES),
                node.duration("backoff", DEFAULT_BACKOFF, BACKOFF));
        node.rejectUnknown();
        return config;
    }
}
