package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The triage section built in code obeys the same rules, with the same messages, as the file. */
class TriageConfigTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theRangesIncludeTheirEnds() {
        TriageConfig shortest =
                new TriageConfig("a", Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMillis(100));
        TriageConfig longest =
                new TriageConfig("a".repeat(63), Duration.ofHours(24), Duration.ofSeconds(60), Duration.ofMinutes(5));

        assertThat(shortest.budget()).as("a budget equal to the source timeout").isEqualTo(shortest.sourceTimeout());
        assertThat(longest.window()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "shop", "kube-system", "team-42", "0"})
    void kubernetesNamespaceNamesAreAccepted(String namespace) {
        assertThat(new TriageConfig(namespace, HOUR, Duration.ofSeconds(5), Duration.ofSeconds(20)).defaultNamespace())
                .isEqualTo(namespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop", "shop_eu", "-shop", "shop-", "shop.eu", "my shop"})
    void otherNamespaceNamesAreRefused(String namespace) {
        assertThatThrownBy(() -> new TriageConfig(namespace, HOUR, Duration.ofSeconds(5), Duration.ofSeconds(20)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("triage.defaultNamespace: \"" + namespace
                        + "\" is not a Kubernetes namespace name; use at most 63");
    }

    @Test
    void aNamespaceLongerThanALabelIsRefused() {
        String namespace = "a".repeat(64);

        assertThatThrownBy(() -> new TriageConfig(namespace, HOUR, Duration.ofSeconds(5), Duration.ofSeconds(20)))
                .hasMessageStartingWith("triage.defaultNamespace: \"" + namespace + "\" is not a Kubernetes namespace");
    }

    @Test
    void aMissingValueSaysWhatToUse() {
        assertThatThrownBy(() -> new TriageConfig(" ", HOUR, Duration.ofSeconds(5), Duration.ofSeconds(20)))
                .hasMessage("triage.defaultNamespace: is not set; use a namespace such as default");
        assertThatThrownBy(() -> new TriageConfig("shop", null, Duration.ofSeconds(5), Duration.ofSeconds(20)))
                .hasMessage("triage.window: is not set; use a duration from 5m to 24h");
        assertThatThrownBy(() -> new TriageConfig("shop", HOUR, Duration.ofSeconds(5), null))
                .hasMessage("triage.budget: is not set; use a duration from triage.sourceTimeout (5s) to 5m");
    }

    @Test
    void aBudgetShorterThanOneSourceNamesBothKeys() {
        ConfigException e = (ConfigException) catchConfigException(
                () -> new TriageConfig("shop", HOUR, Duration.ofSeconds(10), Duration.ofMillis(9_500)));

        assertThat(e.key()).isEqualTo("triage.budget");
        assertThat(e.value()).isEqualTo("9s500ms");
        assertThat(e).hasMessageContaining("triage.sourceTimeout (10s)").hasMessageContaining("at least 10s");
    }

    private static Throwable catchConfigException(Runnable build) {
        try {
            build.run();
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }
}
