package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Placeholders are stable per secret within a conversation, restorable there only, forgotten when idle. */
class VaultTest {
    private static final String TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
    private static final String OTHER = "ghp_" + "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final Redactor redactor = Redactor.standard();

    @Test
    void theSameSecretGetsTheSamePlaceholderAndDifferentSecretsDifferentOnes() {
        Vault vault = Vault.create();

        String first = redactor.redact("token " + TOKEN, vault);
        String again = redactor.redact("again: " + TOKEN + " and " + OTHER, vault);

        String placeholder = first.substring("token ".length());
        assertThat(placeholder).matches("\\[\\[secret:github-token:[0-9a-f]{8}]]");
        assertThat(again).isEqualTo("again: " + placeholder + " and " + again.substring(again.lastIndexOf(' ') + 1));
        assertThat(again.substring(again.lastIndexOf(' ') + 1)).isNotEqualTo(placeholder);
        assertThat(vault.size()).isEqualTo(2);
    }

    @Test
    void anotherConversationGetsAnotherPlaceholderForTheSameSecret() {
        String one = redactor.redact(TOKEN, Vault.create());
        String two = redactor.redact(TOKEN, Vault.create());

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void restorePutsTheSecretsBackAndLeavesUnknownPlaceholdersAlone() {
        Vault vault = Vault.create();
        String redacted =
                redactor.redact("curl -H 'Authorization: Bearer " + TOKEN + "' https://api.github.com", vault);
        String foreign = redactor.redact(OTHER, Vault.create());

        String restored = vault.restore(redacted + " " + foreign + " [[secret:github-token:00000000]]");

        assertThat(restored)
                .isEqualTo("curl -H 'Authorization: Bearer " + TOKEN + "' https://api.github.com " + foreign
                        + " [[secret:github-token:00000000]]");
    }

    @Test
    void restoreWorksInsideJsonArguments() throws Exception {
        Vault vault = Vault.create();
        String placeholder = redactor.redact(TOKEN, vault);
        JsonNode arguments =
                new ObjectMapper().readTree("{\"headers\":{\"auth\":\"token " + placeholder + "\"},\"n\":[1,\"x\"]}");

        JsonNode restored = vault.restore(arguments);

        assertThat(restored.at("/headers/auth").asText()).isEqualTo("token " + TOKEN);
        assertThat(restored.at("/n/0").asInt()).isEqualTo(1);
        assertThat(arguments.at("/headers/auth").asText())
                .as("the input is not changed")
                .contains(placeholder);
    }

    @Test
    void anIdleVaultForgetsItsSecretsAndTheirPlaceholdersNoLongerRestore() {
        Vault vault = Vault.create(Duration.ofHours(1), 100, clock);
        String placeholder = redactor.redact(TOKEN, vault);
        clock.advance(Duration.ofMinutes(59));
        assertThat(vault.restore(placeholder)).as("used within the hour").isEqualTo(TOKEN);

        clock.advance(Duration.ofMinutes(61));

        assertThat(vault.expired()).isTrue();
        assertThat(vault.restore(placeholder)).isEqualTo(placeholder);
        assertThat(vault.size()).isZero();
        assertThat(redactor.redact(TOKEN, vault))
                .as("a new key: a new placeholder")
                .isNotEqualTo(placeholder);
    }

    @Test
    void aFullVaultStillRedactsStablyButCannotRestoreTheOverflow() {
        Vault vault = Vault.create(Duration.ofHours(1), 1, clock);
        String first = redactor.redact(TOKEN, vault);
        String second = redactor.redact(OTHER, vault);

        assertThat(redactor.redact(OTHER, vault)).isEqualTo(second);
        assertThat(vault.size()).isEqualTo(1);
        assertThat(vault.restore(first)).isEqualTo(TOKEN);
        assertThat(vault.restore(second)).isEqualTo(second);
    }

    @Test
    void toStringShowsCountsOnly() {
        Vault vault = Vault.create();
        redactor.redact("password=Xk9#mQ2!vT7z " + TOKEN, vault);

        assertThat(vault.toString()).isEqualTo("Vault[2 secrets, idle PT1H]").doesNotContain(TOKEN);
    }

    @Test
    void badLimitsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Vault.create(Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle time must be positive");
        assertThatThrownBy(() -> Vault.create(Duration.ofMinutes(1), 0, clock))
                .hasMessageContaining("at least one secret");
    }

    @Test
    void aSharedVaultGivesOnePlaceholderPerSecretUnderConcurrentUse() throws Exception {
        Vault vault = Vault.create();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            secrets.add("password=Xk9#mQ2!vT7z-" + i);
        }
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        Set<String> placeholders = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        for (String secret : secrets) {
                            String redacted = redactor.redact(secret, vault);
                            placeholders.add(redacted);
                            assertThat(vault.restore(redacted)).isEqualTo(secret);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(placeholders).hasSize(secrets.size());
        assertThat(vault.size()).isEqualTo(secrets.size());
    }

    @Test
    void concealReplacesEveryKnownSecretWhereverItAppearsButNotShortOnesOrUnknownText() {
        Vault vault = Vault.create();
        String password = vault.placeholder("url-password", "hunter2-Xq9!prod");
        vault.placeholder("password", "abc");

        assertThat(vault.conceal("the password hunter2-Xq9!prod, again: hunter2-Xq9!prod; abc is a word"))
                .isEqualTo("the password " + password + ", again: " + password + "; abc is a word");
        assertThat(vault.conceal("nothing here")).isEqualTo("nothing here");
        assertThat(Vault.create().conceal("hunter2-Xq9!prod")).isEqualTo("hunter2-Xq9!prod");
    }
}
