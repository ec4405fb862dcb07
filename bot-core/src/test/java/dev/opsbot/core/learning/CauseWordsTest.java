package dev.opsbot.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.Cause;
import org.junit.jupiter.api.Test;

class CauseWordsTest {
    @Test
    void triagesOwnNameCounts() {
        assertThat(CauseWords.mentions("checkout (shop): limits lowered (cause: oom).", Cause.OOM))
                .isTrue();
        assertThat(CauseWords.mentions("checkout (shop): x (cause: dns-failure).", Cause.DNS_FAILURE))
                .isTrue();
    }

    @Test
    void theWordsPeopleUseCount() {
        assertThat(CauseWords.mentions("checkout is OOMKilled below 512Mi", Cause.OOM))
                .isTrue();
        assertThat(CauseWords.mentions("payments runs out of memory on Mondays", Cause.OOM))
                .isTrue();
        assertThat(CauseWords.mentions("orders exhausts its Hikari connection pool", Cause.DB_POOL_EXHAUSTED))
                .isTrue();
    }

    @Test
    void aWordInsideAnotherWordDoesNot() {
        assertThat(CauseWords.mentions("the war room was loud", Cause.OOM)).isFalse();
        assertThat(CauseWords.mentions("checkout is OOMKilled below 512Mi", Cause.BAD_DEPLOY))
                .isFalse();
    }

    @Test
    void wordsThatFitManyCausesAreNotCounted() {
        assertThat(CauseWords.mentions("roll back the deploy of checkout", Cause.BAD_DEPLOY))
                .isFalse();
    }
}
