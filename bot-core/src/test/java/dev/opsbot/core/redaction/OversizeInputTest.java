package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 5 MB line of anything, including keywords repeated back to back to tempt every detector at every position,
 * is redacted in bounded time: every detector's work per keyword is bounded, and the ones that follow runs remember
 * how far they got.
 */
class OversizeInputTest {
    private static final int SIZE = 5 * 1024 * 1024;
    private static final Duration BOUND = Duration.ofSeconds(10);

    static List<String> lines() {
        Random random = new Random(5);
        StringBuilder noise = new StringBuilder(SIZE);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_-.:;\"' ";
        while (noise.length() < SIZE) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return List.of(
                noise.toString(),
                repeat("a"),
                repeat("eyJ"),
                repeat("eyJhbGciOi."),
                repeat("password=password="),
                repeat("token: "),
                repeat("-----BEGIN RSA PRIVATE KEY-----"),
                repeat("sk-sk-sk-"),
                repeat("://:@"),
                repeat("kind: Secret\ndata:\n"),
                repeat("\"kind\":\"Secret\",\"data\":{"),
                repeat("Authorization: Bearer "),
                repeat("Cookie: a=b;"),
                repeat("AKIAAKIAAKIAAKIA"),
                repeat("[[secret:"),
                repeat("auth:x&"),
                repeat("pwd=&" + "a".repeat(70)),
                repeat("token=a&b=&amp;"));
    }

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length() + 1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void aFiveMegabyteLineIsRedactedInBoundedTime(String line) {
        String redacted =
                assertTimeoutPreemptively(BOUND, () -> Redactor.standard().redact(line, Vault.create()));

        assertThat(redacted).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void aSecretAtTheEndOfAFiveMegabyteLineIsStillFound(String line) {
        String token = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

        String redacted =
                assertTimeoutPreemptively(BOUND, () -> Redactor.standard().redact(line + "\n" + token, Vault.create()));

        assertThat(redacted).doesNotContain(token);
    }
}
