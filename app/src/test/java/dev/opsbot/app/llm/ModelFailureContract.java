package dev.opsbot.app.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failure contract the agent relies on, run against each provider on the wire: passing failures are
 * {@link RetriableException}s, the rest {@link NonRetriableException}s, each after exactly one HTTP request (no
 * retries hidden in the SDK or LangChain4j), and no secret in any message.
 */
abstract class ModelFailureContract {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    @RegisterExtension
    final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The provider's model, calling {@code baseUrl} (WireMock's, or one where nothing listens). */
    abstract ChatModel model(String baseUrl, Duration callTimeout);

    /** Matches the one model call. */
    abstract MappingBuilder modelCall();

    abstract RequestPatternBuilder modelCalls();

    /** The provider's own answer when it throttles. */
    abstract ResponseDefinitionBuilder throttled();

    /** An error in the provider's shape; {@code awsErrorType} is what Bedrock names it. */
    abstract ResponseDefinitionBuilder error(int status, String awsErrorType, String message);

    abstract ResponseDefinitionBuilder answer();

    /** What must never appear in a failure: the API key, or the secret half of the bot's AWS key. */
    abstract String secret();

    abstract String provider();

    @Test
    void throttlingIsARateLimitTriedOnce() {
        wireMock.stubFor(modelCall().willReturn(throttled()));

        assertFailure(RateLimitException.class, RetriableException.class);
    }

    @Test
    void anUnavailableServiceIsAServerErrorTriedOnce() {
        wireMock.stubFor(
                modelCall().willReturn(error(503, "ServiceUnavailableException", "Service is temporarily down")));

        assertFailure(InternalServerException.class, RetriableException.class);
    }

    @Test
    void anInternalErrorIsAServerErrorTriedOnce() {
        wireMock.stubFor(modelCall().willReturn(error(500, "InternalServerException", "Internal failure")));

        assertFailure(InternalServerException.class, RetriableException.class);
    }

    @Test
    void anAnswerSlowerThanTheCallTimeoutTimesOutAfterOneRequest() {
        wireMock.stubFor(modelCall().willReturn(answer().withFixedDelay(4_000)));
        long started = System.nanoTime();

        assertFailure(TimeoutException.class, RetriableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("gives up after llm.callTimeout, not after the server's delay")
                .isLessThan(Duration.ofMillis(3_000));
    }

    @Test
    void unauthorizedIsAnAuthenticationFailureNotRetried() {
        wireMock.stubFor(modelCall().willReturn(error(401, "UnrecognizedClientException", "Invalid credentials")));

        assertFailure(AuthenticationException.class, NonRetriableException.class);
    }

    @Test
    void forbiddenIsAnAuthenticationFailureNotRetried() {
        wireMock.stubFor(modelCall()
                .willReturn(error(
                        403,
                        "AccessDeniedException",
                        "You don't have access to the model with the" + " specified model ID.")));

        assertFailure(AuthenticationException.class, NonRetriableException.class);
    }

    @Test
    void aValidationErrorIsAnInvalidRequestNotRetried() {
        wireMock.stubFor(
                modelCall().willReturn(error(400, "ValidationException", "Input is too long for requested model.")));

        assertFailure(InvalidRequestException.class, NonRetriableException.class);
    }

    @Test
    void anUnknownModelIsNotRetried() {
        wireMock.stubFor(
                modelCall().willReturn(error(404, "ResourceNotFoundException", "Model not found: no-such-model")));

        assertFailure(ModelNotFoundException.class, NonRetriableException.class);
    }

    @Test
    void aServerNobodyListensOnIsUnreachableAndRetriable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChatModel model = model("http://127.0.0.1:" + closedPort, CALL_TIMEOUT);

        Throwable failure = FailureAssertions.failureOf(() -> model.chat("hi"));

        assertThat(failure).isInstanceOf(ModelUnreachableException.class).isInstanceOf(RetriableException.class);
        assertThat(failure.getMessage()).startsWith(provider() + " model ");
        FailureAssertions.assertNoTraceOf(failure, secret());
    }

    private void assertFailure(Class<? extends LangChain4jException> type, Class<?> retriability) {
        ChatModel model = model(wireMock.baseUrl(), CALL_TIMEOUT);

        Throwable failure = FailureAssertions.failureOf(() -> model.chat("hi"));

        assertThat(failure).isInstanceOf(type).isInstanceOf(retriability);
        assertThat(failure.getMessage()).startsWith(provider() + " model ");
        FailureAssertions.assertNoTraceOf(failure, secret());
        // the call is synchronous: any retry, the SDK's or LangChain4j's, would have happened by now
        assertThat(wireMock.findAll(modelCalls())).as("HTTP requests made").hasSize(1);
    }
}
