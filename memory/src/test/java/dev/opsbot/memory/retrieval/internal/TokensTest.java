package dev.opsbot.memory.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void keepsCodesNumbersAndUnitsWhole() {
        assertThat(Tokens.of("Checkout 5xx: OOM at 512Mi, exit code 137"))
                .containsExactly("checkout", "5xx", "oom", "512mi", "exit", "cod", "137");
    }

    @Test
    void splitsOnEverythingButLettersAndDigits() {
        assertThat(Tokens.of("X-Forwarded-For pg_stat_activity /api/products"))
                .containsExactly("forward", "pg", "stat", "activity", "api", "product");
    }

    @Test
    void dropsStopWordsAndSingleLettersButNotSingleDigits() {
        assertThat(Tokens.of("why is the a db 3 of it?")).containsExactly("db", "3");
    }

    @Test
    void endingsMeetSoThatFormsOfOneWordMatch() {
        assertThat(Tokens.of("restarts restarted restarting restart")).containsOnly("restart");
        assertThat(Tokens.of("pods pod")).containsOnly("pod");
        assertThat(Tokens.of("caches cached cache caching")).containsOnly("cach");
        assertThat(Tokens.of("policies policy")).containsOnly("policy");
        assertThat(Tokens.of("status")).containsExactly("status");
    }

    @Test
    void emptyAndPunctuationOnlyTextHasNoWords() {
        assertThat(Tokens.of("")).isEmpty();
        assertThat(Tokens.of(" ?! -- ")).isEmpty();
    }
}
