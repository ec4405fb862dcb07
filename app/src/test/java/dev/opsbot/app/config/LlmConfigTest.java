package dev.opsbot.app.config;

import static dev.opsbot.app.config.ConfigFixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent's budgets and call settings under {@code llm:}. */
class LlmConfigTest {
    @TempDir
    Path dir;

    @Test
    void budgetsDefaultToWhatTheDocsPromise() {
        LlmConfig llm = loadYaml(dir, "llm: {provider: none}").llm();

        assertThat(llm.maxSteps()).isEqualTo(8);
        assertThat(llm.maxInputTokens()).isEqualTo(24_000);
        assertThat(llm.maxOutputTokens()).isEqualTo(1_500);
        assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(llm.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(llm.retries()).isEqualTo(2);
        assertThat(llm.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(llm).isEqualTo(LlmConfig.defaults());
    }

    @Test
    void theShortConstructorGivesTheDefaultBudgets() {
        LlmConfig llm = new LlmConfig("openai", "http://localhost:11434/v1", "llama3.1", null, null);

        assertThat(llm.maxSteps()).isEqualTo(LlmConfig.DEFAULT_MAX_STEPS);
        assertThat(llm.callTimeout()).isEqualTo(LlmConfig.DEFAULT_CALL_TIMEOUT);
        assertThat(llm.backoff()).isEqualTo(LlmConfig.DEFAULT_BACKOFF);
    }

    @Test
    void everyBudgetIsReadFromTheFile() {
        LlmConfig llm = loadYaml(dir, """
                        llm:
                          provider: bedrock
                          model: anthropic.claude-3-5-sonnet-20240620-v1:0
                          region: eu-central-1
                          maxSteps: 12
                          maxInputTokens: 50000
                          maxOutputTokens: 4000
                          timeout: 2m
                          callTimeout: 45s
                          retries: 0
                          backoff: 500ms
                        """).llm();

        assertThat(llm)
                .isEqualTo(new LlmConfig(
                        "bedrock",
                        null,
                        "anthropic.claude-3-5-sonnet-20240620-v1:0",
                        null,
                        "eu-central-1",
                        12,
                        50_000,
                        4_000,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(45),
                        0,
                        Duration.ofMillis(500)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            maxSteps: 0        | llm.maxSteps: "0" is not a number of model calls per answer; use a number from 1 to 32
            maxSteps: 33       | llm.maxSteps: "33" is not a number of model calls per answer; use a number from 1 to 32
            maxSteps: many     | llm.maxSteps: "many" is not a number of model calls per answer; use a number from 1 to 32
            maxInputTokens: 10 | llm.maxInputTokens: "10" is not a number of input tokens per answer; use a number from 1000 to 2000000
            maxOutputTokens: 0 | llm.maxOutputTokens: "0" is not a number of output tokens per model call; use a number from 16 to 200000
            retries: 6         | llm.retries: "6" is not a number of retries; use a number from 0 to 5
            retries: -1        | llm.retries: "-1" is not a number of retries; use a number from 0 to 5
            timeout: 1s        | llm.timeout: "1s" is shorter than 5s; use a duration from 5s to 15m
            timeout: 60        | llm.timeout: "60" is not a duration; use a number with a unit (250ms, 30s, 5m, 1h) or ISO-8601 such as PT30S
            callTimeout: 500ms | llm.callTimeout: "500ms" is shorter than 1s; use a duration from 1s to 10m
            callTimeout: 2m    | llm.callTimeout: "2m" is longer than llm.timeout (1m); one model call must fit in the whole answer: shorten llm.callTimeout or lengthen llm.timeout
            backoff: 0s        | llm.backoff: "0s" is shorter than 100ms; use a duration from 100ms to 1m
            backoff: 2m        | llm.backoff: "2m" is longer than 1m; use a duration from 100ms to 1m
            """)
    void aBudgetOutOfBoundsIsRefusedByItsKey(String entry, String message) {
        assertThatThrownBy(() -> loadYaml(dir, "llm: {" + entry + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void aCodeBuiltConfigKeepsTheSameRules() {
        assertThatThrownBy(() -> new LlmConfig(
                        "none",
                        null,
                        null,
                        null,
                        null,
                        8,
                        24_000,
                        1_500,
                        Duration.ofSeconds(60),
                        null,
                        2,
                        Duration.ofSeconds(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llm.callTimeout: is not set; use a duration from 1s to 10m");
    }

    @Test
    void anUnknownKeyUnderLlmIsRefusedWithTheNearMiss() {
        assertThatThrownBy(() -> loadYaml(dir, "llm: {maxStep: 4}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.maxStep")
                .hasMessageContaining("maxSteps");
    }

    @Test
    void environmentOverridesStillSetTheModelAndLeaveTheBudgets() {
        Map<String, String> env = Map.of(
                "OPSBOT_LLM_PROVIDER", "openai",
                "OPSBOT_LLM_BASE_URL", "http://vllm.internal:8000/v1",
                "OPSBOT_LLM_MODEL", "qwen2.5-72b",
                "OPSBOT_LLM_API_KEY", "env-llm-key-77",
                "AWS_REGION", "ap-southeast-2");

        LlmConfig llm = ConfigLoader.load(
                        ConfigFixtures.write(dir, "llm: {provider: none, maxSteps: 4, callTimeout: 20s}"), env)
                .llm();

        assertThat(llm.provider()).isEqualTo("openai");
        assertThat(llm.baseUrl()).isEqualTo("http://vllm.internal:8000/v1");
        assertThat(llm.model()).isEqualTo("qwen2.5-72b");
        assertThat(llm.apiKey().value()).isEqualTo("env-llm-key-77");
        assertThat(llm.region()).isEqualTo("ap-southeast-2");
        assertThat(llm.maxSteps()).isEqualTo(4);
        assertThat(llm.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(llm.retries()).isEqualTo(2);
    }

    @Test
    void theApiKeyNeverPrints() {
        LlmConfig llm = new LlmConfig("openai", "https://api.openai.com/v1", "gpt-4o-mini", new Secret("sk-9z"), null);

        assertThat(llm.toString()).doesNotContain("sk-9z");
    }
}
