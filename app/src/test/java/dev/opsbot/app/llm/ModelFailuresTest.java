package dev.opsbot.app.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The failures the wire tests cannot easily stage: read timeouts, resets, DNS, interrupts, odd shapes. */
class ModelFailuresTest {
    private static final String KEY = "sk-unit-test-key-5521";
    private final ModelFailures failures = new ModelFailures("openai", "gpt-4o-mini", List.of(KEY));

    @Test
    void aSocketReadTimeoutInsideTheSdkIsATimeout() {
        var failure = SdkClientException.builder()
                .message("Unable to execute HTTP request: Read timed out")
                .cause(new SocketTimeoutException("Read timed out"))
                .build();

        assertThat(failures.translate(failure)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aConnectionResetIsUnreachableAndRetriable() {
        var failure = new RuntimeException(new SocketException("Connection reset"));

        assertThat(failures.translate(failure))
                .isInstanceOf(ModelUnreachableException.class)
                .isInstanceOf(RetriableException.class);
    }

    @Test
    void aHostThatDoesNotResolveIsNotRetried() {
        var failure = new UncheckedIOException(new ConnectException("llm.internal"));
        failure.getCause().initCause(new UnknownHostException("llm.internal"));

        assertThat(failures.translate(failure))
                .isInstanceOf(UnresolvedModelServerException.class)
                .isInstanceOf(NonRetriableException.class);
    }

    @Test
    void aCallInterruptedByOurOwnDeadlineIsNotRetried() {
        var jdk = new RuntimeException(new InterruptedException());
        var sdk = AbortedException.builder().message("Thread was interrupted").build();

        assertThat(failures.translate(jdk)).isInstanceOf(NonRetriableException.class);
        assertThat(failures.translate(sdk)).isInstanceOf(NonRetriableException.class);
    }

    @Test
    void bedrockThrottlingIsARateLimitWhateverItsStatus() {
        var failure = ThrottlingException.builder()
                .message("Rate exceeded")
                .statusCode(400)
                .build();

        assertThat(failures.translate(failure)).isInstanceOf(RateLimitException.class);
    }

    @Test
    void anUnmappedHttpStatusIsReadByItsCode() {
        var failure = new RuntimeException(new HttpException(422, "unprocessable"));

        assertThat(failures.translate(failure)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anythingUnknownIsNotRetried() {
        LangChain4jException translated = failures.translate(new IllegalStateException("unexpected JSON"));

        assertThat(translated).isExactlyInstanceOf(NonRetriableException.class);
        assertThat(translated.getMessage()).isEqualTo("openai model gpt-4o-mini: the call failed: unexpected JSON");
        assertThat(translated.getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyAnywhereInTheChainIsBlankedAndTheChainLeftBehind() {
        var failure =
                new RuntimeException("request failed", new HttpException(401, "{\"error\": \"bad key " + KEY + "\"}"));

        LangChain4jException translated = failures.translate(failure);

        assertThat(translated.getMessage()).doesNotContain(KEY);
        assertThat(translated.getCause()).as("the cause quotes the key").isNull();
        assertThat(translated.getStackTrace()).isEqualTo(failure.getStackTrace());
        FailureAssertions.assertNoTraceOf(translated, KEY);
    }

    @Test
    void aKeyInTheTopMessageIsReplaced() {
        var failure = new RateLimitException("slow down, " + KEY);

        LangChain4jException translated = failures.translate(failure);

        assertThat(translated)
                .isInstanceOf(RateLimitException.class)
                .hasMessage("openai model gpt-4o-mini: the call was throttled: slow down, ***");
    }

    @Test
    void aLongErrorPageIsCutShortOnOneLine() {
        var failure = new InvalidRequestException("<html>\n" + "x".repeat(5_000) + "\n</html>");

        String message = failures.translate(failure).getMessage();

        assertThat(message).hasSizeLessThan(650).doesNotContain("\n").endsWith("...");
    }
}
